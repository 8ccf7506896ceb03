import Foundation
import SchemacIR
import PostgresHarness

/// A closure-maintained dimension, live in its own database, with the SQL a test needs
/// to change its tree and to compare the closure table with the truth.
struct ClosureWorld {
    let db: TestDatabase
    let table: String  // quoted, qualified
    let closure: String
    let parent: String  // quoted column
    let scd2: Bool

    /// Compiles `yaml`, applies its `schemac sql` script to a fresh database and runs `body`.
    static func with<T>(_ yaml: String, dimensionTable: String, _ body: (ClosureWorld) throws -> T) throws -> T {
        let folder = try SchemaSources.writeSchema(yaml)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schema = try SchemaSources.compile(folder)
        let script = try SchemaSources.createScript(folder)
        guard let dimension = schema.table(named: dimensionTable), let info = dimension.dimension, let hierarchy = info.hierarchy else {
            throw SchemacFailure(command: "compile", output: "no hierarchy on \(dimensionTable) in \(schema.tables.map(\.name))")
        }
        return try TestDatabase.with(label: "closure_\(dimensionTable)") { db in
            try db.run(sql: script)
            return try body(ClosureWorld(
                db: db, table: SQLText.qualified(schema.name, dimension.name),
                closure: SQLText.qualified(schema.name, hierarchy.closureTable),
                parent: SQLText.ident(hierarchy.parentColumn), scd2: info.history == .scd2))
        }
    }

    /// One `'diff'` row per closure row that differs from a recursive walk of the parent
    /// column (self rows at depth 0); no rows when they agree. The depth bound keeps the
    /// walk finite should a cycle ever get in.
    func oracle(step: Int) -> String {
        """
        SELECT 'diff', \(step), d.* FROM (
            WITH RECURSIVE walk (ancestor_id, descendant_id, depth) AS (
                SELECT id, id, 0 FROM \(table)
                UNION ALL
                SELECT w.ancestor_id, n.id, w.depth + 1
                FROM walk AS w JOIN \(table) AS n ON n.\(parent) = w.descendant_id
                WHERE w.depth < 500
            )
            (SELECT 'missing', * FROM walk EXCEPT ALL SELECT 'missing', ancestor_id, descendant_id, depth FROM \(closure))
            UNION ALL
            (SELECT 'unexpected', ancestor_id, descendant_id, depth FROM \(closure) EXCEPT ALL SELECT 'unexpected', * FROM walk)
        ) AS d LIMIT 20;
        """
    }

    /// The whole state a rejected statement must leave alone: every row's parent and every closure row.
    func state() throws -> [[String]] {
        try db.query("""
            SELECT 'node', id::text, coalesce(\(parent)::text, '-'), '' FROM \(table)
            UNION ALL SELECT 'link', ancestor_id::text, descendant_id::text, depth::text FROM \(closure)
            ORDER BY 1, 2, 3
            """)
    }

    func diffRows() throws -> [[String]] { try db.query(oracle(step: 0)) }

    // Statements addressing rows by name, for hand-built trees.

    func id(_ name: String) -> String { "(SELECT id FROM \(table) WHERE name = \(SQLText.literal(name)))" }

    func insert(_ name: String, under parentName: String?) -> String {
        let parentID = parentName.map(id) ?? "NULL"
        return scd2
            ? "INSERT INTO \(table) (code, name, \(parent)) VALUES (\(SQLText.literal(name)), \(SQLText.literal(name)), \(parentID));"
            : "INSERT INTO \(table) (name, \(parent)) VALUES (\(SQLText.literal(name)), \(parentID));"
    }

    func move(_ name: String, under parentSQL: String) -> String {
        "UPDATE \(table) SET \(parent) = \(parentSQL) WHERE name = \(SQLText.literal(name));"
    }
}
