import Foundation
import PostgresHarness

extension CatalogSnapshot {
    /// Reads `schema` of `db`. Throws if the schema does not exist, so a misspelt name
    /// cannot make two snapshots vacuously equal.
    static func read(from db: TestDatabase, schema: String = "public") throws -> CatalogSnapshot {
        try CatalogReader(psql: db.psql, schema: schema).read()
    }
}

private struct CatalogReader {
    let psql: PSQL
    let schema: String

    func read() throws -> CatalogSnapshot {
        let namespace = try namespaceOID()
        var snapshot = CatalogSnapshot(schema: schema)
        snapshot.extensions = try extensions(in: namespace)
        snapshot.enums = try enums(in: namespace)
        snapshot.functions = try functions(in: namespace)
        snapshot.tables = try tables(in: namespace)
        return snapshot
    }

    private func namespaceOID() throws -> String {
        let literal = "'" + schema.replacingOccurrences(of: "'", with: "''") + "'"
        guard let oid = try rows("SELECT oid FROM pg_namespace WHERE nspname = \(literal)", 1).first?[0] else {
            throw HarnessError.unexpectedOutput("schema \(schema) does not exist in \(psql.database)")
        }
        return oid
    }

    private func extensions(in namespace: String) throws -> [String] {
        try rows("SELECT extname FROM pg_extension WHERE extnamespace = \(namespace)", 1)
            .map { $0[0] }.sorted()
    }

    private func enums(in namespace: String) throws -> [CatalogSnapshot.EnumType] {
        let rows = try rows(
            """
            SELECT t.typname, e.enumlabel FROM pg_type t LEFT JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = \(namespace) AND t.typtype = 'e' AND \(notInExtension("t", "pg_type"))
            ORDER BY t.typname, e.enumsortorder
            """, 2)
        return Dictionary(grouping: rows) { $0[0] }
            .map { name, labels in .init(name: name, labels: labels.compactMap { optional($0[1]) }) }
            .sorted { $0.name < $1.name }
    }

    private func functions(in namespace: String) throws -> [CatalogSnapshot.Function] {
        try rows(
            """
            SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                   pg_get_functiondef(p.oid)
            FROM pg_proc p
            WHERE p.pronamespace = \(namespace) AND p.prokind IN ('f', 'p')
              AND \(notInExtension("p", "pg_proc"))
            """, 2)
            .map { .init(signature: $0[0], definition: $0[1]) }
            .sorted { $0.signature < $1.signature }
    }

    private func tables(in namespace: String) throws -> [CatalogSnapshot.Table] {
        let tables = try rows(
            """
            SELECT c.relname, pg_get_partkeydef(c.oid), obj_description(c.oid, 'pg_class')
            FROM pg_class c
            WHERE c.relnamespace = \(namespace) AND c.relkind IN ('r', 'p')
              AND \(notInExtension("c", "pg_class"))
            """, 3)
        let columns = try self.columns(in: namespace)
        let constraints = try self.constraints(in: namespace)
        let indexes = try self.indexes(in: namespace)
        let triggers = try self.triggers(in: namespace)
        return tables.map { row in
            let name = row[0]
            return CatalogSnapshot.Table(
                name: name, partitionKey: optional(row[1]), comment: optional(row[2]),
                columns: columns[name] ?? [],
                constraints: (constraints[name] ?? []).sorted { $0.name < $1.name },
                indexes: (indexes[name] ?? []).sorted { $0.name < $1.name },
                triggers: (triggers[name] ?? []).sorted { $0.name < $1.name })
        }.sorted { $0.name < $1.name }
    }

    /// Per table, in attnum order; dropped columns leave no gap in the order.
    private func columns(in namespace: String) throws -> [String: [CatalogSnapshot.Column]] {
        let rows = try rows(
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(co.collname) END,
                   col_description(c.oid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE c.relnamespace = \(namespace) AND c.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """, 9)
        return Dictionary(grouping: rows) { $0[0] }.mapValues { rows in
            rows.map { row in
                CatalogSnapshot.Column(
                    name: row[1], type: row[2], notNull: row[3] == "t", defaultExpression: optional(row[4]),
                    identity: ["a": "ALWAYS", "d": "BY DEFAULT"][row[5]], generated: row[6] == "s",
                    collation: optional(row[7]), comment: optional(row[8]))
            }
        }
    }

    private func constraints(in namespace: String) throws -> [String: [CatalogSnapshot.Constraint]] {
        try perTable(
            """
            SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.convalidated
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = \(namespace) AND c.relkind IN ('r', 'p')
            """, 5
        ) { .init(name: $0[1], type: $0[2], definition: $0[3], validated: $0[4] == "t") }
    }

    private func indexes(in namespace: String) throws -> [String: [CatalogSnapshot.Index]] {
        try perTable(
            """
            SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid), x.indisvalid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
            WHERE c.relnamespace = \(namespace) AND c.relkind IN ('r', 'p')
            """, 4
        ) { .init(name: $0[1], definition: $0[2], valid: $0[3] == "t") }
    }

    /// Internal triggers (those implementing foreign keys) belong to their constraint.
    private func triggers(in namespace: String) throws -> [String: [CatalogSnapshot.Trigger]] {
        try perTable(
            """
            SELECT c.relname, g.tgname, pg_get_triggerdef(g.oid)
            FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
            WHERE c.relnamespace = \(namespace) AND c.relkind IN ('r', 'p') AND NOT g.tgisinternal
            """, 3
        ) { .init(name: $0[1], definition: $0[2]) }
    }

    private func perTable<T>(_ sql: String, _ width: Int, _ make: ([String]) -> T) throws -> [String: [T]] {
        Dictionary(grouping: try rows(sql, width)) { $0[0] }.mapValues { $0.map(make) }
    }

    /// Objects an extension created (btree_gist's functions, say) are not the schema's own.
    private func notInExtension(_ alias: String, _ catalog: String) -> String {
        """
        NOT EXISTS (SELECT FROM pg_depend dep WHERE dep.classid = '\(catalog)'::regclass
                    AND dep.objid = \(alias).oid AND dep.deptype = 'e')
        """
    }

    /// A fixed search_path makes pg_get_*def qualify names the same way in every session.
    private func rows(_ sql: String, _ width: Int) throws -> [[String]] {
        let rows = try psql.query("SET search_path = pg_catalog;\n\(sql);")
        if let bad = rows.first(where: { $0.count != width }) {
            throw HarnessError.unexpectedOutput("expected \(width) fields, got \(bad) from:\n\(sql)")
        }
        return rows
    }

    private func optional(_ value: String) -> String? {
        value == PSQL.null ? nil : value
    }
}
