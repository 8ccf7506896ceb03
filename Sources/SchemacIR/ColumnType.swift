/// A column's type in canonical form. Aliases (`int`, `bool`, `string(n)`…)
/// are resolved by `ColumnType.parse`, so an alias and its canonical spelling
/// are the same IR value.
public indirect enum ColumnType: Hashable, Sendable {
    case smallint, integer, bigint
    case numeric(precision: Int, scale: Int)
    /// `numeric` without a precision: any value, no rounding.
    case unconstrainedNumeric
    case real, doublePrecision
    case boolean
    case text
    case varchar(Int)
    case char(Int)
    case date, timestamp, timestamptz, time, interval
    case uuid, json, jsonb, bytea
    /// A name from `enums`.
    case enumeration(String)
    case array(ColumnType)

    /// The canonical DSL (and PostgreSQL) spelling, without schema qualification.
    public var canonical: String {
        switch self {
        case .smallint: "smallint"
        case .integer: "integer"
        case .bigint: "bigint"
        case let .numeric(p, s): "numeric(\(p),\(s))"
        case .unconstrainedNumeric: "numeric"
        case .real: "real"
        case .doublePrecision: "double precision"
        case .boolean: "boolean"
        case .text: "text"
        case let .varchar(n): "varchar(\(n))"
        case let .char(n): "char(\(n))"
        case .date: "date"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .time: "time"
        case .interval: "interval"
        case .uuid: "uuid"
        case .json: "json"
        case .jsonb: "jsonb"
        case .bytea: "bytea"
        case let .enumeration(name): name
        case let .array(element): element.canonical + "[]"
        }
    }

    public var isInteger: Bool { [.smallint, .integer, .bigint].contains(self) }

    public var isNumeric: Bool {
        switch self {
        case .smallint, .integer, .bigint, .numeric, .unconstrainedNumeric, .real, .doublePrecision: true
        default: false
        }
    }

    /// The innermost element type of an array, or the type itself.
    public var element: ColumnType {
        if case let .array(inner) = self { return inner.element }
        return self
    }

    /// The enum this type (or its array element) names, if any.
    public var enumName: String? {
        if case let .enumeration(name) = element { return name }
        return nil
    }
}

extension ColumnType: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch ColumnType.parse(text) {
        case let .success(type): self = type
        case let .failure(problem):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem.message))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }
}
