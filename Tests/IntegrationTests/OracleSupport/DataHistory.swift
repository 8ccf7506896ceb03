import Foundation
import Testing
import PostgresHarness

/// One database that only ever receives the migrations `schemac generate`
/// writes, as in production: for tests that put rows in between.
final class DataHistory: @unchecked Sendable {
    let workspace: SchemaWorkspace
    let db: TestDatabase
    let schema: String

    /// Generates and applies the initial migration of `yaml`.
    init(label: String, schema: String, yaml: String) throws {
        workspace = try SchemaWorkspace(label: label)
        db = try TestDatabase(label: label)
        self.schema = schema
        _ = try migrate(to: yaml)
    }

    func close() { try? db.drop() }

    /// Generates the next migration WITHOUT --allow-destructive (none of these
    /// changes may lose data) and applies its up file; returns its SQL.
    @discardableResult
    func migrate(to yaml: String) throws -> String {
        let path = try generate(yaml)
        try db.runFile(path: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Generates the next migration (WITHOUT --allow-destructive) and returns its up file, not yet applied.
    func generate(_ yaml: String) throws -> String {
        try workspace.write(yaml: yaml)
        let count = workspace.migrations().count
        let result = workspace.generate(allowDestructive: false)
        try #require(result.status == 0, "\(result)")
        let migrations = workspace.migrations()
        try #require(migrations.count == count + 1, "no migration written: \(result)")
        return workspace.upPath(migrations[count])
    }

    /// Applies the down file of the last migration.
    func migrateDown() throws {
        guard let last = workspace.migrations().last else { return }
        try db.runFile(path: workspace.downPath(last))
    }

    func rows(_ sql: String) throws -> [[String]] { try db.query(sql) }

    func value(_ sql: String) throws -> String {
        let rows = try db.query(sql)
        guard rows.count == 1, rows[0].count == 1 else { throw HarnessError.unexpectedOutput("\(sql) gave \(rows)") }
        return rows[0][0]
    }

    /// The oracle for the current schema: the migrated catalog equals a fresh build.
    func catalogDiff() throws -> [String] {
        let sql = workspace.sql()
        guard sql.status == 0 else { throw HarnessError.unexpectedOutput(sql.description) }
        return try TestDatabase.with(label: "fresh") { fresh in
            try fresh.rebuild(schema: schema, sql: sql.out)
            return try db.snapshot(schema).oracleDiff(against: fresh.snapshot(schema))
        }
    }
}
