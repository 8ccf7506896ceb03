public struct Column: Hashable, Sendable, Codable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var defaultValue: ColumnDefault?
    public var identity: Identity?
    public var comment: String?
    /// The name this column had before (`renamed_from`): a hint for the diff.
    @SourceOnly public var renamedFrom: String?
    @SourceOnly public var location: SourceLocation?

    public init(
        name: String, type: ColumnType, nullable: Bool = false, defaultValue: ColumnDefault? = nil,
        identity: Identity? = nil, comment: String? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.identity = identity
        self.comment = comment
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case name, type, nullable, defaultValue = "default", identity, comment, renamedFrom, location
    }
}

public enum Identity: String, Hashable, Sendable, Codable {
    case always
    case byDefault = "by default"
}

/// A column default: a value the SQL emitter writes as a typed literal, or a
/// raw SQL expression written verbatim.
public enum ColumnDefault: Hashable, Sendable, Codable {
    /// A YAML scalar, kept as text; rendered as a literal of the column's type.
    case literal(String)
    /// `{sql: "…"}`: emitted as is.
    case sql(String)

    private enum Key: String, CodingKey { case literal, sql }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let sql = try container.decodeIfPresent(String.self, forKey: .sql) {
            self = .sql(sql)
        } else {
            self = .literal(try container.decode(String.self, forKey: .literal))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case let .literal(value): try container.encode(value, forKey: .literal)
        case let .sql(value): try container.encode(value, forKey: .sql)
        }
    }
}
