import SchemacIR

/// CREATE TABLE and the column and constraint clauses that ALTER TABLE reuses.
enum TableSQL {
    /// One column or constraint per line, column types aligned after the longest
    /// column name, constraints in the table's order (primary key, unique, check,
    /// foreign key, exclusion).
    static func createTable(_ table: Table, schema: String) -> String {
        let width = table.columns.map { SQLIdentifier.quote($0.name).count }.max() ?? 0
        let columns = table.columns.map { columnDefinition($0, schema: schema, nameWidth: width) }
        let constraints = table.constraints.map { constraintDefinition($0, schema: schema) }
        let body = (columns + constraints).map { "    " + $0 }.joined(separator: ",\n")
        return "CREATE TABLE \(SQLIdentifier.qualified(schema, table.name)) (\n\(body)\n);"
    }

    /// `name type [GENERATED … AS IDENTITY] [NOT NULL] [DEFAULT expr]`, the name padded
    /// to `nameWidth` so that the types of a CREATE TABLE line up.
    static func columnDefinition(_ column: Column, schema: String, nameWidth: Int = 0) -> String {
        let name = SQLIdentifier.quote(column.name)
        let padding = String(repeating: " ", count: max(nameWidth - name.count, 0))
        var parts = [name + padding, SQLType.name(column.type, schema: schema)]
        if let identity = column.identity {
            parts.append("GENERATED \(identity == .always ? "ALWAYS" : "BY DEFAULT") AS IDENTITY")
        }
        // An identity column is NOT NULL by definition; saying so again is noise.
        if !column.nullable && column.identity == nil { parts.append("NOT NULL") }
        if let value = column.defaultValue {
            parts.append("DEFAULT " + SQLLiteral.defaultValue(value, type: column.type, schema: schema))
        }
        return parts.joined(separator: " ")
    }

    /// `CONSTRAINT name …`, as written inside CREATE TABLE or after ADD.
    static func constraintDefinition(_ constraint: Constraint, schema: String) -> String {
        "CONSTRAINT \(SQLIdentifier.quote(constraint.name)) " + constraintBody(constraint, schema: schema)
    }

    static func constraintBody(_ constraint: Constraint, schema: String) -> String {
        switch constraint {
        case let .primaryKey(pk): "PRIMARY KEY (\(SQLIdentifier.list(pk.columns)))"
        case let .unique(uq): "UNIQUE (\(SQLIdentifier.list(uq.columns)))"
        case let .check(ck): "CHECK (\(ck.expression))"
        case let .foreignKey(fk): foreignKeyBody(fk, schema: schema)
        case let .exclusion(ex): exclusionBody(ex)
        }
    }

    static func foreignKeyBody(_ fk: ForeignKey, schema: String) -> String {
        var sql = "FOREIGN KEY (\(SQLIdentifier.list(fk.columns))) REFERENCES "
            + "\(SQLIdentifier.qualified(schema, fk.referencedTable)) (\(SQLIdentifier.list(fk.referencedColumns)))"
        if let action = fk.onDelete { sql += " ON DELETE " + action.rawValue.uppercased() }
        return sql
    }

    static func exclusionBody(_ ex: ExclusionConstraint) -> String {
        let elements = ex.elements.map { "\(exclusionElement($0.expression)) WITH \($0.operator)" }
        var sql = "EXCLUDE USING \(SQLIdentifier.quote(ex.method)) (\(elements.joined(separator: ", ")))"
        if let predicate = ex.predicate { sql += " WHERE (\(predicate))" }
        return sql
    }

    /// An exclusion element is a column or an expression. A plain name is taken as a
    /// column and quoted as needed (a bare `user` would mean CURRENT_USER there); a
    /// function call may stand as is, like in CREATE INDEX; anything else needs parentheses.
    static func exclusionElement(_ expression: String) -> String {
        if SQLIdentifier.isBare(expression) { return SQLIdentifier.quote(expression) }
        return isFunctionCall(expression) ? expression : "(\(expression))"
    }

    /// `name(…)` or `schema.name(…)` whose first parenthesis closes at the very end.
    static func isFunctionCall(_ sql: String) -> Bool {
        guard let open = sql.firstIndex(of: "("), sql.last == ")" else { return false }
        let nameParts = sql[..<open].split(separator: ".", omittingEmptySubsequences: false)
        guard nameParts.allSatisfy({ SQLIdentifier.isBare(String($0)) }) else { return false }
        return closingParenthesis(of: open, in: sql) == sql.index(before: sql.endIndex)
    }

    /// The index of the parenthesis that closes the one at `open`, skipping quoted text.
    private static func closingParenthesis(of open: String.Index, in sql: String) -> String.Index? {
        var depth = 0
        var quote: Character?
        for index in sql[open...].indices {
            let ch = sql[index]
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            switch ch {
            case "'", "\"": quote = ch
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
