// Columns: their types, defaults and the keys a column may carry.

/// The DSL types the model uses.
public enum SynthType: Hashable, Sendable {
    case varchar(Int), text, integer, bigint, numeric(Int, Int), boolean, date, timestamptz, uuid, jsonb
    case enumeration(String)

    public var canonical: String {
        switch self {
        case let .varchar(n): "varchar(\(n))"
        case .text: "text"
        case .integer: "integer"
        case .bigint: "bigint"
        case let .numeric(p, s): "numeric(\(p),\(s))"
        case .boolean: "boolean"
        case .date: "date"
        case .timestamptz: "timestamptz"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case let .enumeration(name): name
        }
    }

    /// The same type under one of the DSL's aliases, where it has one.
    var alias: String? {
        switch self {
        case let .varchar(n): "string(\(n))"
        case .integer: "int"
        case .bigint: "int8"
        case let .numeric(p, s): "decimal(\(p),\(s))"
        case .boolean: "bool"
        case .timestamptz: "timestamp with time zone"
        default: nil
        }
    }

    var isString: Bool {
        switch self {
        case .varchar, .text: true
        default: false
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .bigint, .numeric: true
        default: false
        }
    }
}

/// A column default as the DSL spells it.
public enum SynthDefault: Hashable, Sendable {
    /// A YAML scalar: schemac turns it into a literal of the column's type.
    case literal(String)
    /// `{sql: "…"}`, emitted verbatim.
    case sql(String)
}

/// A declared column (for a fact, `isMeasure` puts it under `measures:`).
public struct ColumnSpec: Hashable, Sendable {
    public var name: String
    public var type: SynthType
    public var nullable = false
    public var defaultValue: SynthDefault?
    public var unique = false
    public var check: CheckRule?
    /// A dimension, fact or plain table; the column then takes its key's type.
    public var references: String?
    public var onDelete: String?
    public var identity: String?
    public var primaryKey = false
    /// `index: true` on a column that is not a foreign key.
    public var indexed = false
    public var isMeasure = false
    public var comment: String?
    public var renamedFrom: String?
    var hintTTL = 0

    public init(name: String, type: SynthType) {
        self.name = name
        self.type = type
    }
}
