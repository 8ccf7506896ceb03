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

    public static func primaryKey(_ table: String) -> String { make("pk", table, EmptyCollection()) }
    public static func foreignKey(_ table: String, _ column: String) -> String { make("fk", table, CollectionOfOne(column)) }
    public static func unique(_ table: String, _ columns: [String]) -> String { make("uq", table, columns) }
    public static func index(_ table: String, _ parts: [String]) -> String { make("ix", table, parts) }
    public static func check(_ table: String, _ name: String) -> String { make("ck", table, CollectionOfOne(name)) }
    public static func exclusion(_ table: String, _ name: String) -> String { make("ex", table, CollectionOfOne(name)) }

    /// `prefix_table_part_part…`, shortened when too long. Thousands of these are
    /// made per schema: the name is written once into storage of its exact size
    /// (joining an array of parts allocated twice and copied the name again).
    static func make(_ prefix: String, _ table: String, _ parts: some Collection<String>) -> String {
        var length = prefix.utf8.count + 1 + table.utf8.count
        for part in parts { length += 1 + part.utf8.count }
        let name = String(unsafeUninitializedCapacity: length) { buffer in
            var end = buffer[...].initialize(fromContentsOf: prefix.utf8)
            end = appendPart(table, to: buffer, at: end)
            for part in parts { end = appendPart(part, to: buffer, at: end) }
            return end
        }
        return length > maxBytes ? shortened(name) : name
    }

    /// Writes `_part` at `start`; returns where it ends.
    private static func appendPart(_ part: String, to buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        buffer[start] = UInt8(ascii: "_")
        return buffer[(start + 1)...].initialize(fromContentsOf: part.utf8)
    }

    /// Keeps names within 63 bytes deterministically: a longer name becomes its
    /// first 54 bytes, `_`, and 8 hex digits of a hash of the full name, so two
    /// long names that share a prefix still differ.
    public static func shortened(_ name: String) -> String {
        // The byte count of a native string is stored: most names stop here without a copy.
        guard name.utf8.count > maxBytes else { return name }
        let bytes = Array(name.utf8)
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
        if let replaced = replacingASCIIPlaceholder(placeholder, with: value) { return replaced }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The same replacement by a byte search, for ASCII patterns: there every
    /// character is one byte (CR LF aside, which no placeholder contains), so
    /// bytes match exactly where characters do. Foundation's `range(of:)` bridges
    /// to NSString and cost ~10 k instructions per table name. nil: not ASCII.
    private func replacingASCIIPlaceholder(_ placeholder: String, with value: String) -> String? {
        let pattern = Array(utf8), wanted = Array(placeholder.utf8)
        guard !wanted.isEmpty, pattern.allSatisfy({ $0 < 0x80 }), wanted.allSatisfy({ $0 < 0x80 }) else { return nil }
        var result = ""
        var copied = 0, at = 0
        while at + wanted.count <= pattern.count {
            guard pattern[at..<(at + wanted.count)].elementsEqual(wanted) else {
                at += 1
                continue
            }
            result += String(decoding: pattern[copied..<at], as: UTF8.self)
            result += value
            at += wanted.count
            copied = at
        }
        return result + String(decoding: pattern[copied...], as: UTF8.self)
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
