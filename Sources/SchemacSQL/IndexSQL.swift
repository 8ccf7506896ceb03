import SchemacIR

/// CREATE INDEX, DROP INDEX and their parts.
enum IndexSQL {
    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON s.t [USING method] (keys) [INCLUDE (cols)] [WHERE pred];`
    static func create(_ index: Index, table: String, concurrently: Bool, schema: String) -> String {
        var sql = "CREATE " + (index.unique ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
        // The index name takes no schema: an index always lives in its table's schema.
        sql += "\(SQLIdentifier.quote(index.name)) ON \(SQLIdentifier.qualified(schema, table))"
        // btree is the default; spelling it out would only add noise.
        if index.method != "btree" { sql += " USING \(SQLIdentifier.quote(index.method))" }
        sql += " (\(index.keys.map(key).joined(separator: ", ")))"
        if !index.include.isEmpty { sql += " INCLUDE (\(SQLIdentifier.list(index.include)))" }
        if let predicate = index.predicate { sql += " WHERE \(predicate)" }
        return sql + ";"
    }

    /// `DROP INDEX [CONCURRENTLY] s.name;`
    static func drop(_ name: String, concurrently: Bool, schema: String) -> String {
        "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + SQLIdentifier.qualified(schema, name) + ";"
    }

    /// A column (quoted as needed) or `(expression)`, then `DESC` and `NULLS FIRST|LAST` when set.
    static func key(_ key: IndexKey) -> String {
        var sql = switch key.target {
        case let .column(name): SQLIdentifier.quote(name)
        case let .expression(expression): "(\(expression))"
        }
        if key.order == .desc { sql += " DESC" }
        if let nulls = key.nulls { sql += " NULLS " + nulls.rawValue.uppercased() }
        return sql
    }
}
