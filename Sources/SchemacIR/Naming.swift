/// The `naming:` patterns and the default names of constraints and indexes.
public struct NamingConventions: Hashable, Sendable, Codable {
    public var dimension = "t_d_{name}"
    public var fact = "t_f_{name}"
    public var table = "{name}"
    public var closure = "{table}_hierarchy"

    public init() {}

    public func tableName(for kind: TableKind, _ name: String) -> String {
        switch kind {
        case .dimension: dimension.replacingPlaceholder("{name}", with: name)
        case .fact: fact.replacingPlaceholder("{name}", with: name)
        case .table: table.replacingPlaceholder("{name}", with: name)
        case .closure: closure.replacingPlaceholder("{table}", with: name).replacingPlaceholder("{name}", with: name)
        }
    }
}

/// Names of constraints and indexes, shortened to PostgreSQL's limit.
public enum ObjectName {
    /// PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1).
    public static let maxBytes = 63

    public static func primaryKey(_ table: String) -> String { make("pk", table, []) }
    public static func foreignKey(_ table: String, _ column: String) -> String { make("fk", table, [column]) }
    public static func unique(_ table: String, _ columns: [String]) -> String { make("uq", table, columns) }
    public static func index(_ table: String, _ parts: [String]) -> String { make("ix", table, parts) }
    public static func check(_ table: String, _ name: String) -> String { make("ck", table, [name]) }
    public static func exclusion(_ table: String, _ name: String) -> String { make("ex", table, [name]) }

    static func make(_ prefix: String, _ table: String, _ parts: [String]) -> String {
        shortened(([prefix, table] + parts).joined(separator: "_"))
    }

    /// Keeps names within 63 bytes deterministically: a longer name becomes its
    /// first 54 bytes, `_`, and 8 hex digits of a hash of the full name, so two
    /// long names that share a prefix still differ.
    public static func shortened(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > maxBytes else { return name }
        var prefix = Array(bytes.prefix(maxBytes - 9))
        // Never cut a multi-byte character in half.
        while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast() }
        let hash = String(fnv1a32(bytes), radix: 16)
        let padded = String(repeating: "0", count: 8 - hash.count) + hash
        return String(decoding: prefix, as: UTF8.self) + "_" + padded
    }

    /// FNV-1a, 32 bits: tiny, stable across platforms and releases.
    static func fnv1a32(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// Turns an SQL expression into name parts: `lower(email)` → `lower_email`.
    public static func slug(ofExpression sql: String) -> String {
        var out = ""
        for ch in sql.lowercased() {
            if ch.isLetter && ch.isASCII || ch.isNumber && ch.isASCII {
                out.append(ch)
            } else if out.last != "_" {
                out.append("_")
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        while out.hasPrefix("_") { out.removeFirst() }
        return out.isEmpty ? "expr" : out
    }
}

extension String {
    func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// How migration files guard against blocking production: the `migration:` section.
public struct MigrationSettings: Hashable, Sendable {
    public var lockTimeout = "5s"
    public var statementTimeout = "60s"
    /// Longer, for CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT.
    public var indexStatementTimeout = "30min"
    public init() {}
}

extension ObjectName {
    /// The sequence name PostgreSQL picks for an identity column
    /// (`makeObjectName(table, column, "seq")`): `<table>_<column>_seq`, the
    /// longer of the two parts shortened first when it would exceed 63 bytes.
    public static func sequence(_ table: String, _ column: String) -> String {
        var first = Array(table.utf8), second = Array(column.utf8)
        let available = maxBytes - ("seq".utf8.count + 2)
        while first.count + second.count > available {
            if first.count > second.count { first.removeLast() } else { second.removeLast() }
        }
        return String(decoding: first, as: UTF8.self) + "_" + String(decoding: second, as: UTF8.self) + "_seq"
    }
}
