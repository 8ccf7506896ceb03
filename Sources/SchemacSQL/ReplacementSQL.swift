import SchemacIR
import SchemacPlanner

/// Statements for operations that replace an object in several steps.
extension OperationSQL {
    /// The old type moves aside, the new one takes its name, each column is
    /// converted through text, and the old type goes. Defaults are dropped first,
    /// whatever they are: a default typed with the old enum cannot be cast to the new one.
    func recreateEnum(_ type: EnumType, _ usages: [EnumUsage]) -> [String] {
        let retired = ObjectName.shortened(type.name + "__schemac_old")
        var statements = [
            "ALTER TYPE \(name(type.name)) RENAME TO \(quote(retired));",
            "-- the new type takes the name\nCREATE TYPE \(name(type.name)) AS ENUM (\(type.values.map(SQLLiteral.string).joined(separator: ", ")));",
        ]
        for usage in usages.sorted(by: { ($0.table, $0.column.name) < ($1.table, $1.column.name) }) {
            statements += convertToRecreatedEnum(usage.column, in: usage.table)
        }
        statements.append("-- the old type goes\nDROP TYPE \(name(retired));")
        return statements
    }

    private func convertToRecreatedEnum(_ column: Column, in table: String) -> [String] {
        let alter = alterColumn(table, column.name)
        let type = SQLType.name(column.type, schema: schema)
        let text = column.type.isArray ? "text[]" : "text"
        let target = SQLIdentifier.qualified(schema, table, column.name)
        var statements = [
            "-- \(target): its default is typed with the old enum\n" + alter + "DROP DEFAULT;",
            "-- \(target): converted through text\n" + alter + "TYPE \(type) USING \(quote(column.name))::\(text)::\(type);",
        ]
        if let value = column.defaultValue {
            statements.append("-- \(target): its default again\n" + alter + "SET DEFAULT " + SQLLiteral.defaultValue(value, type: column.type, schema: schema) + ";")
        }
        return statements
    }

    /// nil: `DROP IDENTITY IF EXISTS`. Otherwise the identity is dropped if there is one
    /// and added anew — the operation does not say whether the column had one, so this is
    /// the form that works either way — and its sequence set past the largest key in the
    /// table, or the first insert would collide with an existing row.
    func setIdentity(_ table: String, _ column: String, _ identity: Identity?) -> [String] {
        let drop = alterColumn(table, column) + "DROP IDENTITY IF EXISTS;"
        guard let identity else { return [drop] }
        let kind = identity == .always ? "ALWAYS" : "BY DEFAULT"
        // The table name is parsed as an identifier, the column name taken literally.
        let sequence = "pg_get_serial_sequence(\(SQLLiteral.string(name(table))), \(SQLLiteral.string(column)))"
        return [
            drop,
            "-- a new identity\n" + alterColumn(table, column) + "ADD GENERATED \(kind) AS IDENTITY;",
            "-- its sequence continues after the largest existing key\n"
                + "SELECT setval(\(sequence), coalesce(max(\(quote(column))), 0) + 1, false) FROM \(name(table));",
        ]
    }
}
