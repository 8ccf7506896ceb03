import SchemacIR
import SchemacPlanner

/// The "what" half of the comment above each step (`-- dimension user: create table budget.t_d_user`):
/// a short phrase naming the object the way the statement below spells it.
struct StepDescription {
    let schema: String

    /// One case per operation, without `default`, like `OperationSQL`.
    func describe(_ operation: Operation) -> String {
        switch operation {
        case let .createSchema(name): "create schema \(SQLIdentifier.quote(name))"
        case let .createExtension(name): "create extension \(SQLIdentifier.quote(name))"
        case let .createEnum(e): "create enum \(name(e.name))"
        case let .addEnumValue(e, value, _, _): "add value \(SQLLiteral.string(value)) to enum \(name(e))"
        case let .dropEnum(e): "drop enum \(name(e))"
        case let .recreateEnum(e, _): "recreate enum \(name(e.name)) with values \(e.values.joined(separator: ", "))"

        case let .createTable(table): "create table \(name(table.name))"
        case let .dropTable(table): "drop table \(name(table))"
        case let .renameTable(from, to): "rename table \(name(from)) to \(SQLIdentifier.quote(to))"

        case let .addColumn(table, c): "add column \(column(table, c.name))"
        case let .dropColumn(table, c): "drop column \(column(table, c))"
        case let .renameColumn(table, from, to): "rename column \(column(table, from)) to \(SQLIdentifier.quote(to))"
        case let .alterColumnType(table, c, from, to):
            "change type of \(column(table, c)) from \(SQLType.name(from, schema: schema)) to \(SQLType.name(to, schema: schema))"
        case let .setNotNull(table, c): "make \(column(table, c)) NOT NULL"
        case let .dropNotNull(table, c): "make \(column(table, c)) nullable"
        case let .setIdentity(table, c, identity): (identity == nil ? "drop identity of " : "set identity of ") + column(table, c)
        case let .renameSequence(from, to): "rename sequence \(name(from)) to \(SQLIdentifier.quote(to))"
        case let .setDefault(table, c): (c.defaultValue == nil ? "drop default of " : "set default of ") + column(table, c.name)

        case let .addConstraint(table, c, notValid):
            "add \(kind(c)) \(SQLIdentifier.quote(c.name)) on \(name(table))"
                + (notValid && OperationSQL.acceptsNotValid(c) ? " (not valid yet)" : "")
        case let .addNotNullCheck(table, c, _): "check \(column(table, c)) for NULLs before SET NOT NULL"
        case let .addConstraintUsingIndex(table, c):
            "add \(kind(c)) \(SQLIdentifier.quote(c.name)) on \(name(table)) using index \(SQLIdentifier.quote(c.name))"
        case let .validateConstraint(table, c): "validate constraint \(SQLIdentifier.quote(c)) on \(name(table))"
        case let .dropConstraint(table, c): "drop constraint \(SQLIdentifier.quote(c)) on \(name(table))"
        case let .renameConstraint(table, from, to):
            "rename constraint \(SQLIdentifier.quote(from)) on \(name(table)) to \(SQLIdentifier.quote(to))"

        case let .createIndex(table, index, _): "create index \(SQLIdentifier.quote(index.name)) on \(name(table))"
        case let .dropIndex(index, _): "drop index \(name(index))"
        case let .renameIndex(from, to): "rename index \(name(from)) to \(SQLIdentifier.quote(to))"

        case let .commentOnTable(table, comment): (comment == nil ? "drop comment on table " : "comment on table ") + name(table)
        case let .commentOnColumn(table, c, comment):
            (comment == nil ? "drop comment on column " : "comment on column ") + column(table, c)

        case let .createClosureMaintenance(m): "create triggers keeping \(name(m.closureTable)) up to date"
        case let .dropClosureMaintenance(m): "drop the triggers keeping \(name(m.closureTable)) up to date"
        case let .backfillClosure(m): "fill \(name(m.closureTable)) from \(column(m.dimensionTable, m.parentColumn))"
        }
    }

    private func name(_ object: String) -> String { SQLIdentifier.qualified(schema, object) }
    private func column(_ table: String, _ column: String) -> String { SQLIdentifier.qualified(schema, table, column) }

    private func kind(_ constraint: Constraint) -> String {
        switch constraint {
        case .primaryKey: "primary key"
        case .unique: "unique constraint"
        case .check: "check"
        case .foreignKey: "foreign key"
        case .exclusion: "exclusion constraint"
        }
    }
}
