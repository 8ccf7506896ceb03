import SchemacIR
import SchemacPlanner

extension SQLRenderer {
    /// The SQL statement(s) of one step, without comments. Each statement ends with `;`;
    /// CREATE TABLE and the closure functions span several lines.
    public static func statements(for step: MigrationStep, schema: String) -> [String] {
        OperationSQL(schema: schema).statements(for: step.operation)
    }
}

/// Renders one operation; every name is qualified with `schema`.
struct OperationSQL {
    let schema: String

    /// One case per operation, without `default`: a new operation fails to compile until it is rendered.
    func statements(for operation: Operation) -> [String] {
        switch operation {
        case let .createSchema(name): ["CREATE SCHEMA IF NOT EXISTS \(SQLIdentifier.quote(name));"]
        // No SCHEMA clause: the extension goes where its control file and the search_path put it.
        case let .createExtension(name): ["CREATE EXTENSION IF NOT EXISTS \(SQLIdentifier.quote(name));"]
        case let .createEnum(e): [createEnum(e)]
        case let .addEnumValue(e, value, before, after): [addEnumValue(e, value, before: before, after: after)]
        case let .dropEnum(e): ["DROP TYPE \(name(e));"]
        case let .recreateEnum(e, usages): recreateEnum(e, usages)

        case let .createTable(table): [TableSQL.createTable(table, schema: schema)]
        case let .dropTable(table): ["DROP TABLE \(name(table));"]
        case let .renameTable(from, to): [alterTable(from) + "RENAME TO \(quote(to));"]

        case let .addColumn(table, column): [addColumn(table, column)]
        case let .dropColumn(table, column): [alterTable(table) + "DROP COLUMN \(quote(column));"]
        case let .renameColumn(table, from, to): [alterTable(table) + "RENAME COLUMN \(quote(from)) TO \(quote(to));"]
        case let .alterColumnType(table, column, from, to): [alterColumnType(table, column, from: from, to: to)]
        case let .setNotNull(table, column): [alterColumn(table, column) + "SET NOT NULL;"]
        case let .dropNotNull(table, column): [alterColumn(table, column) + "DROP NOT NULL;"]
        case let .setDefault(table, column): [setDefault(table, column)]
        case let .setIdentity(table, column, identity): setIdentity(table, column, identity)
        case let .renameSequence(from, to): ["ALTER SEQUENCE \(name(from)) RENAME TO \(quote(to));"]

        case let .addConstraint(table, constraint, notValid): [addConstraint(table, constraint, notValid: notValid)]
        case let .addConstraintUsingIndex(table, constraint): [addConstraintUsingIndex(table, constraint)]
        case let .addNotNullCheck(table, column, name):
            [alterTable(table) + "ADD CONSTRAINT \(quote(name)) CHECK (\(quote(column)) IS NOT NULL) NOT VALID;"]
        case let .validateConstraint(table, constraint): [alterTable(table) + "VALIDATE CONSTRAINT \(quote(constraint));"]
        case let .dropConstraint(table, constraint): [alterTable(table) + "DROP CONSTRAINT \(quote(constraint));"]
        case let .renameConstraint(table, from, to): [alterTable(table) + "RENAME CONSTRAINT \(quote(from)) TO \(quote(to));"]

        case let .createIndex(table, index, concurrently):
            [IndexSQL.create(index, table: table, concurrently: concurrently, schema: schema)]
        case let .dropIndex(index, concurrently): [IndexSQL.drop(index, concurrently: concurrently, schema: schema)]
        case let .renameIndex(from, to): ["ALTER INDEX \(name(from)) RENAME TO \(quote(to));"]

        case let .commentOnTable(table, comment): ["COMMENT ON TABLE \(name(table)) IS \(commentText(comment));"]
        case let .commentOnColumn(table, column, comment):
            ["COMMENT ON COLUMN \(SQLIdentifier.qualified(schema, table, column)) IS \(commentText(comment));"]

        case let .createClosureMaintenance(m): ClosureSQL(maintenance: m, schema: schema).create()
        case let .dropClosureMaintenance(m): ClosureSQL(maintenance: m, schema: schema).drop()
        case let .backfillClosure(m): ClosureSQL(maintenance: m, schema: schema).backfill()
        }
    }

    func quote(_ name: String) -> String { SQLIdentifier.quote(name) }
    func name(_ object: String) -> String { SQLIdentifier.qualified(schema, object) }
    func alterTable(_ table: String) -> String { "ALTER TABLE \(name(table)) " }
    func alterColumn(_ table: String, _ column: String) -> String { alterTable(table) + "ALTER COLUMN \(quote(column)) " }
    private func commentText(_ comment: String?) -> String { comment.map(SQLLiteral.string) ?? "NULL" }

    private func createEnum(_ e: EnumType) -> String {
        "CREATE TYPE \(name(e.name)) AS ENUM (\(e.values.map(SQLLiteral.string).joined(separator: ", ")));"
    }

    private func addEnumValue(_ e: String, _ value: String, before: String?, after: String?) -> String {
        var sql = "ALTER TYPE \(name(e)) ADD VALUE \(SQLLiteral.string(value))"
        if let before {
            sql += " BEFORE " + SQLLiteral.string(before)
        } else if let after {
            sql += " AFTER " + SQLLiteral.string(after)
        }
        return sql + ";"
    }

    private func addColumn(_ table: String, _ column: Column) -> String {
        alterTable(table) + "ADD COLUMN " + TableSQL.columnDefinition(column, schema: schema) + ";"
    }

    private func alterColumnType(_ table: String, _ column: String, from: ColumnType, to: ColumnType) -> String {
        var sql = alterColumn(table, column) + "TYPE " + SQLType.name(to, schema: schema)
        if let using = SQLType.usingExpression(column: column, from: from, to: to, schema: schema) {
            sql += " USING " + using
        }
        return sql + ";"
    }

    /// The column carries the new default; none means DROP DEFAULT.
    private func setDefault(_ table: String, _ column: Column) -> String {
        guard let value = column.defaultValue else { return alterColumn(table, column.name) + "DROP DEFAULT;" }
        let expression = SQLLiteral.defaultValue(value, type: column.type, schema: schema)
        return alterColumn(table, column.name) + "SET DEFAULT " + expression + ";"
    }

    private func addConstraint(_ table: String, _ constraint: Constraint, notValid: Bool) -> String {
        let suffix = notValid && Self.acceptsNotValid(constraint) ? " NOT VALID;" : ";"
        return alterTable(table) + "ADD " + TableSQL.constraintDefinition(constraint, schema: schema) + suffix
    }

    /// `ADD CONSTRAINT name UNIQUE|PRIMARY KEY USING INDEX name`: turns a unique index built
    /// CONCURRENTLY beforehand (under the constraint's name) into the constraint, in a moment.
    func addConstraintUsingIndex(_ table: String, _ constraint: Constraint) -> String {
        let kind = if case .primaryKey = constraint { "PRIMARY KEY" } else { "UNIQUE" }
        let name = quote(constraint.name)
        return alterTable(table) + "ADD CONSTRAINT \(name) \(kind) USING INDEX \(name);"
    }

    /// PostgreSQL accepts NOT VALID only on foreign keys and CHECK constraints.
    static func acceptsNotValid(_ constraint: Constraint) -> Bool {
        switch constraint {
        case .foreignKey, .check: true
        case .primaryKey, .unique, .exclusion: false
        }
    }
}
