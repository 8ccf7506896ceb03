/// The whole warehouse in canonical form: what the snapshot stores and what
/// every stage after the front end reads. Collections are kept sorted by name
/// (columns keep their declared order), so equal schemas are equal values and
/// encode to identical bytes.
public struct Schema: Hashable, Sendable, Codable {
    /// Bumped when the snapshot layout changes incompatibly.
    public static let formatVersion = 1

    public var format: Int = Schema.formatVersion
    /// The PostgreSQL schema (namespace) every object lives in.
    public var name: String
    public var extensions: [String]
    public var enums: [EnumType]
    public var tables: [Table]

    public init(name: String = "public", extensions: [String] = [], enums: [EnumType] = [], tables: [Table] = []) {
        self.name = name
        self.extensions = extensions
        self.enums = enums
        self.tables = tables
        canonicalize()
    }

    /// An empty database: what `generate` diffs against when there is no snapshot.
    public static func empty(named name: String = "public") -> Schema { Schema(name: name) }

    /// Restores the invariants: sorted, duplicate-free collections.
    public mutating func canonicalize() {
        extensions = Array(Set(extensions)).sorted()
        enums.sort { $0.name < $1.name }
        for i in tables.indices { tables[i].canonicalize() }
        tables.sort { $0.name < $1.name }
    }

    public func table(named name: String) -> Table? {
        tables.first { $0.name == name }
    }

    public func enumType(named name: String) -> EnumType? {
        enums.first { $0.name == name }
    }
}

/// `CREATE TYPE … AS ENUM`; the order of values is significant.
public struct EnumType: Hashable, Sendable, Codable {
    public var name: String
    public var values: [String]
    @SourceOnly public var location: SourceLocation?

    public init(name: String, values: [String], location: SourceLocation? = nil) {
        self.name = name
        self.values = values
        self.location = location
    }
}
