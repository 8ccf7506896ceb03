/// A small value model of what the schemac DSL can express: enough to write a
/// warehouse as DSL text (`yaml()`) and to change it one step at a time
/// (`mutate(using:kinds:)`). Every identifier it hands out is unique across the
/// whole model and never reused, so a rename hint can never point at a name
/// that came back.
public struct WarehouseModel: Hashable, Sendable {
    /// The PostgreSQL schema (namespace). Not `public`: extensions are created in
    /// `public`, so they stay out of a catalog comparison of this schema.
    public var schema: String
    public var extensions: [String] = []
    public var enums: [EnumSpec] = []
    /// Dimensions, facts and plain tables, in declaration order.
    public var tables: [TableSpec] = []
    /// Logical names of tables known to hold rows. A NOT NULL dimension reference
    /// is never added to one of these (it would fail on the rows).
    public var populatedTables: Set<String> = []
    var names = NamePool()

    public init(schema: String = "wh") {
        self.schema = schema
    }

    public func table(named name: String) -> TableSpec? { tables.first { $0.name == name } }

    func tableIndex(named name: String) -> Int? { tables.firstIndex { $0.name == name } }

    /// The PostgreSQL table of a dimension, fact or plain table (default naming).
    public func physicalName(of name: String) -> String? { table(named: name)?.physicalName }

    /// The type of the primary key a `references` column takes over.
    func keyType(of name: String) -> SynthType? {
        guard let table = table(named: name) else { return nil }
        if table.kind != .table { return .bigint }
        return table.columns.first(where: \.primaryKey)?.type
    }

    /// Tables another table points at (by a fact's dimension reference or a `references` column).
    func referencedTables() -> Set<String> {
        var names = Set<String>()
        for table in tables {
            for reference in table.references where reference.dimension != table.name { names.insert(reference.dimension) }
            for column in table.columns { if let target = column.references, target != table.name { names.insert(target) } }
        }
        return names
    }
}

public enum TableKind: String, Hashable, Sendable, CaseIterable {
    case dimension, fact, table
}

public enum History: String, Hashable, Sendable {
    case scd1, scd2
}

public struct EnumSpec: Hashable, Sendable {
    public var name: String
    public var values: [String]
}

/// A fact's reference to a dimension: the column `<role or dimension>_id`.
public struct DimensionReference: Hashable, Sendable {
    public var dimension: String
    public var role: String?
    public var column: String { (role ?? dimension) + "_id" }
    /// How the grain names this reference.
    public var grainName: String { role ?? dimension }
}

public struct TableSpec: Hashable, Sendable {
    public var name: String
    public var kind: TableKind
    /// Declared columns; for a fact, measures are marked `isMeasure`.
    public var columns: [ColumnSpec] = []
    /// Facts: dimension references, in order.
    public var references: [DimensionReference] = []
    /// Facts: dimension names, role names and column names.
    public var grain: [String] = []
    /// Dimensions.
    public var history: History = .scd1
    public var noOverlap = false
    public var key: [String] = []
    public var hierarchy = false
    public var indexes: [IndexSpec] = []
    public var checks: [CheckSpec] = []
    public var comment: String?
    public var renamedFrom: String?
    /// Steps left before the rename hint is taken out again.
    var hintTTL = 0

    public var physicalName: String {
        switch kind {
        case .dimension: "t_d_" + name
        case .fact: "t_f_" + name
        case .table: name
        }
    }

    /// The closure table of a dimension with a hierarchy.
    public var closureTable: String? { kind == .dimension && hierarchy ? physicalName + "_hierarchy" : nil }

    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }

    func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Columns that the key, the grain or the primary key need: never dropped or made nullable.
    var structuralColumns: Set<String> {
        Set(key).union(grain).union(columns.filter(\.primaryKey).map(\.name))
    }

    /// Columns user indexes and checks may use: declared ones, and `created_at` of dimensions and facts.
    var indexableColumns: [ColumnSpec] {
        kind == .table ? columns : columns + [ColumnSpec(name: "created_at", type: .timestamptz)]
    }

    /// The relation names (as `IndexSpec.relationName` spells them) of the unique
    /// constraints and indexes schemac derives for this table: a user index must not take one.
    var derivedRelationNames: Set<String> {
        var names = Set(columns.filter(\.unique).map { "uq:" + $0.name })
        // `index: true` and foreign-key columns get an index of this name (unless another index starts with them).
        names.formUnion(columns.filter { $0.indexed || $0.references != nil }.map { "ix:" + $0.name })
        switch kind {
        case .dimension where history == .scd2 && !key.isEmpty:
            names.insert("uq:" + (key + ["current"]).joined(separator: "_"))
            names.insert("ix:" + (key + ["valid_from"]).joined(separator: "_"))
        case .dimension where !key.isEmpty:
            names.insert("uq:" + key.joined(separator: "_"))
        case .fact where !grain.isEmpty:
            let columns = grain.map { entry in references.first { $0.grainName == entry }?.column ?? entry }
            names.insert("uq:" + columns.joined(separator: "_"))
        default:
            break
        }
        return names
    }

    /// Whether `index` can join (or replace the index at `replacing`) without a name clash.
    func admits(_ index: IndexSpec, replacing: Int? = nil) -> Bool {
        let others = indexes.indices.filter { $0 != replacing }.map { indexes[$0].relationName }
        return !others.contains(index.relationName) && !derivedRelationNames.contains(index.relationName)
    }
}

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

public enum SynthDefault: Hashable, Sendable {
    /// A YAML scalar: schemac turns it into a literal of the column's type.
    case literal(String)
    /// `{sql: "…"}`, emitted verbatim.
    case sql(String)
}

/// A CHECK whose expression is written from the column's current name.
public enum CheckRule: Hashable, Sendable {
    case nonNegative, notEmpty, recentDate
    /// An enum column that must not hold one label: the label's type must survive enum changes.
    case notLabel(String)

    func expression(_ column: String) -> String {
        let c = SQLWords.identifier(column)
        switch self {
        case .nonNegative: return "\(c) >= 0"
        case .notEmpty: return "\(c) <> ''"
        case .recentDate: return "\(c) >= '2000-01-01'"
        case let .notLabel(label): return "\(c) <> '\(label)'"
        }
    }
}

/// The predicate of a partial index, written from the column's current name.
public struct IndexPredicate: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        case notNull, isTrue, positive
        /// An enum column equal to one label.
        case label(String)
    }

    public var column: String
    public var rule: Rule

    var expression: String {
        let c = SQLWords.identifier(column)
        switch rule {
        case .notNull: return "\(c) IS NOT NULL"
        case .isTrue: return c
        case .positive: return "\(c) > 0"
        case let .label(label): return "\(c) = '\(label)'"
        }
    }
}

public struct CheckSpec: Hashable, Sendable {
    public var name: String
    public var column: String
    public var rule: CheckRule
}

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

public struct IndexColumn: Hashable, Sendable {
    public var name: String
    public var descending = false
}

public struct IndexSpec: Hashable, Sendable {
    /// Key columns; empty for an expression index.
    public var columns: [IndexColumn] = []
    /// `lower(<column>)` as the one key.
    public var lowerOf: String?
    public var unique = false
    /// A partial index.
    public var predicate: IndexPredicate?
    public var gin = false
    public var include: [String] = []
    public var name: String?

    /// The name schemac gives the index, short of the table name: `uq:`/`ix:` and
    /// the columns (an explicit name as is). Two relations of a table must differ here.
    var relationName: String {
        if let name { return "name:" + name }
        let parts = lowerOf.map { "lower_" + $0 } ?? columns.map(\.name).joined(separator: "_")
        return (unique ? "uq:" : "ix:") + parts
    }

    /// Every column the index mentions.
    var mentioned: Set<String> {
        Set(columns.map(\.name) + [lowerOf, predicate?.column].compactMap { $0 } + include)
    }
}
