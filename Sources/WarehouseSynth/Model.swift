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

/// Where a table is declared: `dimensions:`, `facts:` or `tables:`.
public enum TableKind: String, Hashable, Sendable, CaseIterable {
    case dimension, fact, table
}

/// A dimension's `history`.
public enum History: String, Hashable, Sendable {
    case scd1, scd2
}

/// An enum type and its labels, in order.
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

/// A dimension, fact or plain table.
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
