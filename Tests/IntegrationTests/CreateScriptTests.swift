import Foundation
import SchemacIR
import Testing

/// The `schemac sql` CREATE script and the first migration of the example schema and of
/// every compiling golden fixture, applied to a real PostgreSQL: both apply cleanly, build
/// the same catalog, that catalog is exactly the IR, and the down migration undoes it.
@Suite struct CreateScriptTests {
    static let cases = SchemaSources.caseNames

    /// Guards the argument lists below: an empty list would make every test vacuous.
    @Test func everyCaseIsFound() {
        #expect(Self.cases.count >= 12, "\(Self.cases)")
        #expect(Self.cases.contains("example") && Self.cases.contains("family_budget"))
    }

    @Test(arguments: cases)
    func createScriptBuildsExactlyTheIR(_ name: String) throws {
        let directory = SchemaSources.directory(of: name)
        let schema = try SchemaSources.compile(directory)
        let script = try SchemaSources.createScript(directory)
        try TestDatabase.with(label: "create_\(name)") { db in
            let applied = try db.run(sql: script)
            #expect(applied.stderr.isEmpty, "\(name): the create script warned:\n\(applied.stderr)")
            let catalog = try CatalogSnapshot.read(from: db, schema: schema.name)
            let problems = try IRCatalogCheck.problems(schema, catalog, in: db)
            #expect(problems.isEmpty, "\(name): the catalog differs from the IR:\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test(arguments: cases)
    func initialMigrationBuildsTheSameCatalog(_ name: String) throws {
        let directory = SchemaSources.directory(of: name)
        let schema = try SchemaSources.compile(directory)
        let migration = try InitialMigration(directory)
        defer { migration.remove() }
        let fromScript = try TestDatabase.with(label: "script_\(name)") { db in
            try db.run(sql: try SchemaSources.createScript(directory))
            return try CatalogSnapshot.read(from: db, schema: schema.name)
        }
        let fromMigration = try TestDatabase.with(label: "migrate_\(name)") { db in
            let applied = try db.runFile(path: migration.up)
            #expect(applied.stderr.isEmpty, "\(name): 0001 up warned:\n\(applied.stderr)")
            return try CatalogSnapshot.read(from: db, schema: schema.name)
        }
        #expect(fromScript == fromMigration,
                "\(name): create script (-) vs 0001 up (+):\n\(fromScript.diff(against: fromMigration).joined(separator: "\n"))")
    }

    @Test(arguments: cases)
    func downEmptiesTheSchemaAndUpReapplies(_ name: String) throws {
        let directory = SchemaSources.directory(of: name)
        let schema = try SchemaSources.compile(directory)
        let migration = try InitialMigration(directory)
        defer { migration.remove() }
        try TestDatabase.with(label: "down_\(name)") { db in
            try db.runFile(path: migration.up)
            let first = try CatalogSnapshot.read(from: db, schema: schema.name)
            #expect(!first.tables.isEmpty)

            let down = try db.runFile(path: migration.down)
            #expect(down.stderr.isEmpty, "\(name): 0001 down warned:\n\(down.stderr)")
            let left = try db.objects(inSchema: schema.name)
            #expect(left.isEmpty, "\(name): 0001 down left \(left)")
            // Both may be shared with other applications, so down never drops them.
            #expect(try db.schemaExists(schema.name), "\(name): 0001 down dropped schema \(schema.name)")
            let gone = Set(schema.extensions).subtracting(try db.installedExtensions())
            #expect(gone.isEmpty, "\(name): 0001 down dropped extensions \(gone.sorted())")

            try db.runFile(path: migration.up)
            let again = try CatalogSnapshot.read(from: db, schema: schema.name)
            #expect(first == again, "\(name): first up (-) vs up after down (+):\n\(first.diff(against: again).joined(separator: "\n"))")
        }
    }
}

/// `schemac generate` into a fresh output folder: the 0001 pair of an empty snapshot.
private struct InitialMigration {
    let out: URL
    let up: String
    let down: String

    init(_ schemaDirectory: String) throws {
        out = try SchemaSources.generate(schemaDirectory)
        let migrations = out.appendingPathComponent("migrations")
        up = migrations.appendingPathComponent("0001_initial.up.sql").path
        down = migrations.appendingPathComponent("0001_initial.down.sql").path
        let written = (try? FileManager.default.contentsOfDirectory(atPath: migrations.path)) ?? []
        try #require(FileManager.default.fileExists(atPath: up) && FileManager.default.fileExists(atPath: down),
                     "generate wrote \(written.sorted()) to \(migrations.path)")
    }

    func remove() { try? FileManager.default.removeItem(at: out) }
}
