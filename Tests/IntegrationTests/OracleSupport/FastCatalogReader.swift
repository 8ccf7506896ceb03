import Foundation
import PostgresHarness

/// `CatalogSnapshot.read` in one psql round trip instead of six: the same
/// queries (see Support/CatalogReader.swift), each row tagged with its query.
/// The random walk reads two catalogs per step, so this halves its run time;
/// `randomWalk` checks at the end that both readers agree.
extension CatalogSnapshot {
    static func readFast(from db: TestDatabase, schema: String) throws -> CatalogSnapshot {
        let literal = "'" + schema.replacingOccurrences(of: "'", with: "''") + "'"
        let ns = "(SELECT oid FROM pg_namespace WHERE nspname = \(literal))"
        func notInExtension(_ alias: String, _ catalog: String) -> String {
            "NOT EXISTS (SELECT FROM pg_depend dep WHERE dep.classid = '\(catalog)'::regclass AND dep.objid = \(alias).oid AND dep.deptype = 'e')"
        }
        let sql = """
            SET search_path = pg_catalog;
            SELECT 'n', oid::text FROM pg_namespace WHERE nspname = \(literal);
            SELECT 'x', extname FROM pg_extension WHERE extnamespace = \(ns);
            SELECT 'e', t.typname, e.enumlabel FROM pg_type t LEFT JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = \(ns) AND t.typtype = 'e' AND \(notInExtension("t", "pg_type"))
            ORDER BY t.typname, e.enumsortorder;
            SELECT 'f', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
            FROM pg_proc p WHERE p.pronamespace = \(ns) AND p.prokind IN ('f', 'p') AND \(notInExtension("p", "pg_proc"));
            SELECT 't', c.relname, pg_get_partkeydef(c.oid), obj_description(c.oid, 'pg_class')
            FROM pg_class c WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p') AND \(notInExtension("c", "pg_class"));
            SELECT 'c', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(co.collname) END,
                   col_description(c.oid, a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum;
            SELECT 'k', c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.convalidated
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p');
            SELECT 'i', c.relname, i.relname, pg_get_indexdef(x.indexrelid), x.indisvalid
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
            WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p');
            SELECT 'g', c.relname, g.tgname, pg_get_triggerdef(g.oid)
            FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
            WHERE c.relnamespace = \(ns) AND c.relkind IN ('r', 'p') AND NOT g.tgisinternal;
            """
        let rows = try db.query(sql)
        let widths = ["n": 2, "x": 2, "e": 3, "f": 3, "t": 4, "c": 10, "k": 6, "i": 5, "g": 4]
        if let bad = rows.first(where: { $0.isEmpty || widths[$0[0]] != $0.count }) {
            throw HarnessError.unexpectedOutput("catalog row \(bad)")
        }
        let byTag = Dictionary(grouping: rows) { $0[0] }
        guard byTag["n"] != nil else { throw HarnessError.unexpectedOutput("schema \(schema) does not exist in \(db.name)") }
        func optional(_ value: String) -> String? { value == PSQL.null ? nil : value }
        func tagged(_ tag: String) -> [[String]] { (byTag[tag] ?? []).map { Array($0.dropFirst()) } }

        var snapshot = CatalogSnapshot(schema: schema)
        snapshot.extensions = tagged("x").map { $0[0] }.sorted()
        snapshot.enums = Dictionary(grouping: tagged("e")) { $0[0] }
            .map { name, labels in EnumType(name: name, labels: labels.compactMap { optional($0[1]) }) }
            .sorted { $0.name < $1.name }
        snapshot.functions = tagged("f").map { Function(signature: $0[0], definition: $0[1]) }.sorted { $0.signature < $1.signature }
        let columns = Dictionary(grouping: tagged("c")) { $0[0] }.mapValues { rows in
            rows.map { row in
                Column(name: row[1], type: row[2], notNull: row[3] == "t", defaultExpression: optional(row[4]),
                       identity: ["a": "ALWAYS", "d": "BY DEFAULT"][row[5]], generated: row[6] == "s",
                       collation: optional(row[7]), comment: optional(row[8]))
            }
        }
        let constraints = Dictionary(grouping: tagged("k")) { $0[0] }.mapValues { rows in
            rows.map { Constraint(name: $0[1], type: $0[2], definition: $0[3], validated: $0[4] == "t") }
        }
        let indexes = Dictionary(grouping: tagged("i")) { $0[0] }.mapValues { rows in
            rows.map { Index(name: $0[1], definition: $0[2], valid: $0[3] == "t") }
        }
        let triggers = Dictionary(grouping: tagged("g")) { $0[0] }.mapValues { rows in rows.map { Trigger(name: $0[1], definition: $0[2]) } }
        snapshot.tables = tagged("t").map { row in
            let name = row[0]
            return Table(
                name: name, partitionKey: optional(row[1]), comment: optional(row[2]), columns: columns[name] ?? [],
                constraints: (constraints[name] ?? []).sorted { $0.name < $1.name },
                indexes: (indexes[name] ?? []).sorted { $0.name < $1.name },
                triggers: (triggers[name] ?? []).sorted { $0.name < $1.name })
        }.sorted { $0.name < $1.name }
        return snapshot
    }
}
