import SchemacIR
import SchemacPlanner

/// What one migration step touches, by physical name: where lint points a
/// hazard, and what the JSON plan tells tools. One case per operation, without
/// `default`, so a new operation does not compile until it is placed.
public struct OperationTarget: Hashable, Sendable {
    /// The operation's case name (`addColumn`): stable, for tools.
    public var kind: String
    public var table: String?
    public var column: String?
    public var index: String?
    public var constraint: String?
    public var enumName: String?

    init(_ kind: String, table: String? = nil, column: String? = nil, index: String? = nil, constraint: String? = nil, enumName: String? = nil) {
        self.kind = kind
        self.table = table
        self.column = column
        self.index = index
        self.constraint = constraint
        self.enumName = enumName
    }

    public init(_ operation: Operation) {
        switch operation {
        case .createSchema: self.init("createSchema")
        case .createExtension: self.init("createExtension")
        case let .createEnum(e): self.init("createEnum", enumName: e.name)
        case let .addEnumValue(e, _, _, _): self.init("addEnumValue", enumName: e)
        case let .dropEnum(e): self.init("dropEnum", enumName: e)
        case let .recreateEnum(e, _): self.init("recreateEnum", enumName: e.name)
        case let .createTable(t): self.init("createTable", table: t.name)
        case let .dropTable(t): self.init("dropTable", table: t)
        case let .renameTable(_, to): self.init("renameTable", table: to)
        case let .addColumn(t, c): self.init("addColumn", table: t, column: c.name)
        case let .dropColumn(t, c): self.init("dropColumn", table: t, column: c)
        case let .renameColumn(t, _, to): self.init("renameColumn", table: t, column: to)
        case let .alterColumnType(t, c, _, _): self.init("alterColumnType", table: t, column: c)
        case let .setNotNull(t, c): self.init("setNotNull", table: t, column: c)
        case let .dropNotNull(t, c): self.init("dropNotNull", table: t, column: c)
        case let .setDefault(t, c): self.init("setDefault", table: t, column: c.name)
        case let .setIdentity(t, c, _): self.init("setIdentity", table: t, column: c)
        case .renameSequence: self.init("renameSequence")
        case let .addConstraint(t, c, _): self.init("addConstraint", table: t, column: Self.onlyColumn(c), constraint: c.name)
        case let .addConstraintUsingIndex(t, c): self.init("addConstraintUsingIndex", table: t, column: Self.onlyColumn(c), constraint: c.name)
        case let .addNotNullCheck(t, c, name): self.init("addNotNullCheck", table: t, column: c, constraint: name)
        case let .validateConstraint(t, name): self.init("validateConstraint", table: t, constraint: name)
        case let .dropConstraint(t, name): self.init("dropConstraint", table: t, constraint: name)
        case let .renameConstraint(t, _, to): self.init("renameConstraint", table: t, constraint: to)
        case let .createIndex(t, index, _): self.init("createIndex", table: t, index: index.name)
        case let .dropIndex(name, _): self.init("dropIndex", index: name)
        case let .renameIndex(_, to): self.init("renameIndex", index: to)
        case let .commentOnTable(t, _): self.init("commentOnTable", table: t)
        case let .commentOnColumn(t, c, _): self.init("commentOnColumn", table: t, column: c)
        case let .createClosureMaintenance(m): self.init("createClosureMaintenance", table: m.dimensionTable)
        case let .dropClosureMaintenance(m): self.init("dropClosureMaintenance", table: m.dimensionTable)
        case let .backfillClosure(m): self.init("backfillClosure", table: m.closureTable)
        }
    }

    /// The column of a one-column constraint: where a reader looks for it.
    private static func onlyColumn(_ constraint: Constraint) -> String? {
        let columns: [String]
        switch constraint {
        case let .primaryKey(c): columns = c.columns
        case let .unique(c): columns = c.columns
        case let .foreignKey(c): columns = c.columns
        case .check, .exclusion: columns = []
        }
        return columns.count == 1 ? columns[0] : nil
    }
}
