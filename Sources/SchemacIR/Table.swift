/// What a table is for in the warehouse; decides the extra structure it gets.
public enum TableKind: String, Hashable, Sendable, Codable {
    case dimension, fact, table, closure
}

/// One physical table, with every column, constraint and index it has in the
/// database — including those the DSL implies (surrogate key, SCD2 columns,
/// closure tables) — already named.
public struct Table: Hashable, Sendable, Codable {
    /// The physical name (after the `naming` patterns).
    public var name: String
    /// The name used in the DSL (`user` for `t_d_user`).
    public var logicalName: String
    public var kind: TableKind
    public var dimension: DimensionInfo?
    public var fact: FactInfo?
    public var closure: ClosureInfo?
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniques: [UniqueConstraint] = []
    public var checks: [CheckConstraint] = []
    public var foreignKeys: [ForeignKey] = []
    public var exclusions: [ExclusionConstraint] = []
    public var indexes: [Index] = []
    public var comment: String?
    /// The physical name this table had before (`renamed_from`): a hint for the diff.
    @SourceOnly public var renamedFrom: String?
    @SourceOnly public var location: SourceLocation?

    public init(name: String, logicalName: String? = nil, kind: TableKind, columns: [Column] = []) {
        self.name = name
        self.logicalName = logicalName ?? name
        self.kind = kind
        self.columns = columns
    }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// Constraints sorted by name; indexes likewise. Columns keep their order.
    public mutating func canonicalize() {
        uniques.sort { $0.name < $1.name }
        checks.sort { $0.name < $1.name }
        foreignKeys.sort { $0.name < $1.name }
        exclusions.sort { $0.name < $1.name }
        indexes.sort { $0.name < $1.name }
    }

    /// Every constraint, in a stable order: primary key, unique, check, foreign key, exclusion.
    public var constraints: [Constraint] {
        (primaryKey.map { [Constraint.primaryKey($0)] } ?? [])
            + uniques.map(Constraint.unique) + checks.map(Constraint.check)
            + foreignKeys.map(Constraint.foreignKey) + exclusions.map(Constraint.exclusion)
    }
}

public enum History: String, Hashable, Sendable, Codable {
    /// Overwrite in place; no history columns.
    case scd1
    /// Slowly changing dimension type 2: one row per version.
    case scd2
}

public struct DimensionInfo: Hashable, Sendable, Codable {
    public var history: History
    /// Business key columns (natural key), in declared order.
    public var businessKey: [String]
    /// SCD2 only: forbid overlapping validity ranges per key.
    public var noOverlap: Bool
    public var hierarchy: Hierarchy?

    public init(history: History, businessKey: [String], noOverlap: Bool = false, hierarchy: Hierarchy? = nil) {
        self.history = history
        self.businessKey = businessKey
        self.noOverlap = noOverlap
        self.hierarchy = hierarchy
    }
}

/// A parent/child tree over a dimension's rows, materialised as a closure table.
public struct Hierarchy: Hashable, Sendable, Codable {
    public enum Maintenance: String, Hashable, Sendable, Codable {
        /// PL/pgSQL triggers keep the closure table equal to the transitive closure of the parent column.
        case trigger
        /// The application maintains the closure table; schemac only creates it.
        case none
    }

    public var parentColumn: String
    public var closureTable: String
    public var maintain: Maintenance

    public init(parentColumn: String, closureTable: String, maintain: Maintenance = .trigger) {
        self.parentColumn = parentColumn
        self.closureTable = closureTable
        self.maintain = maintain
    }
}

public struct FactInfo: Hashable, Sendable, Codable {
    public var dimensionReferences: [DimensionReference]
    public var measures: [String]
    /// The grain as column names (dimension references resolved to their `_id` columns).
    public var grain: [String]

    public init(dimensionReferences: [DimensionReference], measures: [String], grain: [String]) {
        self.dimensionReferences = dimensionReferences
        self.measures = measures
        self.grain = grain
    }
}

/// A fact's foreign key to a dimension, possibly under a role (`approver`).
public struct DimensionReference: Hashable, Sendable, Codable {
    /// The dimension's DSL name.
    public var dimension: String
    public var role: String?
    /// The fact column holding the dimension's surrogate key.
    public var column: String

    public init(dimension: String, role: String?, column: String) {
        self.dimension = dimension
        self.role = role
        self.column = column
    }
}

public struct ClosureInfo: Hashable, Sendable, Codable {
    /// The physical name of the dimension table the closure belongs to.
    public var dimensionTable: String

    public init(dimensionTable: String) { self.dimensionTable = dimensionTable }
}
