import SchemacIR
import SchemacPlanner

/// Statements for operations that replace an object in several steps.
extension OperationSQL {
    /// The old type moves aside, the new one takes its name, each column is
    /// converted through text (defaults are dropped first: they are typed
    /// with the old enum), and the old type goes.
    func recreateEnum(_ type: EnumType, _ usages: [EnumUsage]) -> [String] {
        let retired = ObjectName.shortened(type.name + "__schemac_old")
        var statements = [
            "ALTER TYPE \(name(type.name)) RENAME TO \(quote(retired));",
            "CREATE TYPE \(name(type.name)) AS ENUM (\(type.values.map(SQLLiteral.string).joined(separator: ", ")));",
        ]
        for usage in usages.sorted(by: { ($0.table, $0.column.name) < ($1.table, $1.column.name) }) {
            let column = usage.column
            let text = column.type.isArray ? "text[]" : "text"
            if column.defaultValue != nil { statements.append(alterColumn(usage.table, column.name) + "DROP DEFAULT;") }
            statements.append(
                alterColumn(usage.table, column.name) + "TYPE \(SQLType.name(column.type, schema: schema)) USING \(quote(column.name))::\(text)::\(SQLType.name(column.type, schema: schema));")
            if let value = column.defaultValue {
                statements.append(alterColumn(usage.table, column.name) + "SET DEFAULT " + SQLLiteral.defaultValue(value, type: column.type, schema: schema) + ";")
            }
        }
        statements.append("DROP TYPE \(name(retired));")
        return statements
    }

    func setIdentity(_ table: String, _ column: String, _ identity: Identity?) -> String {
        guard let identity else { return alterColumn(table, column) + "DROP IDENTITY IF EXISTS;" }
        let kind = identity == .always ? "ALWAYS" : "BY DEFAULT"
        return alterColumn(table, column) + "ADD GENERATED \(kind) AS IDENTITY;"
    }
}
