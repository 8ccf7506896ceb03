import Foundation
import SchemacIR
import Testing
import PostgresHarness

/// The `schemac sql` CREATE script and the first migration of the example schema and of
/// every compiling golden fixture, applied to a real PostgreSQL: both apply cleanly, build
/// the same catalog, that catalog is exactly the IR, and the down migration undoes it.
@Suite struct CreateScriptTests {
    static let cases = SchemaSources.caseNames

    /// Guards the argument list below: an empty list would make every case vacuous.
    @Test func everyCaseIsFound() {
        #expect(Self.cases.count >= 12, "\(Self.cases)")
        #expect(Self.cases.contains("example") && Self.cases.contains("family_budget"))
    }

    // One test per schema keeps the number of databases (and of psql round trips) low.
    @Test(arguments: cases)
    func createScriptAndInitialMigration(_ name: String) throws {
        let directory = SchemaSources.directory(of: name)
        let schema = try SchemaSources.compile(directory)
        let script = try SchemaSources.createScript(directory)
        let migration = try InitialMigration(directory)
        defer { migration.remove() }

        // (a) the create script applies cleanly; (d) what it builds is exactly the IR.
        let fromScript = try TestDatabase.with(label: "create_\(name)") { db in
            let applied = try db.run(sql: script)
            #expect(applied.stderr.isEmpty, "\(name): the create script warned:\n\(applied.stderr)")
            let facts = try IRCatalogCheck.Facts.read(from: db, schema: schema.name)
            let problems = try IRCatalogCheck.problems(schema, facts, in: db)
            #expect(problems.isEmpty, "\(name): the catalog differs from the IR:\n\(problems.joined(separator: "\n"))")
            return facts.catalog
        }

        try TestDatabase.with(label: "migrate_\(name)") { db in
            // (b) 0001 up applies cleanly to a fresh database; (c) it builds the same catalog.
            let up = try db.runFile(path: migration.up)
            #expect(up.stderr.isEmpty, "\(name): 0001 up warned:\n\(up.stderr)")
            let fromMigration = try CatalogSnapshot.read(from: db, schema: schema.name)
            #expect(fromScript == fromMigration,
                    "\(name): create script (-) vs 0001 up (+):\n\(fromScript.diff(against: fromMigration).joined(separator: "\n"))")
            let built = try db.objects(inSchema: schema.name)

            // (e) down empties the schema but keeps it and the extensions, which may be shared.
            let down = try db.runFile(path: migration.down)
            #expect(down.stderr.isEmpty, "\(name): 0001 down warned:\n\(down.stderr)")
            let left = try db.objects(inSchema: schema.name)
            #expect(left.isEmpty, "\(name): 0001 down left \(left)")
            #expect(try db.schemaExists(schema.name), "\(name): 0001 down dropped schema \(schema.name)")
            let gone = Set(schema.extensions).subtracting(try db.installedExtensions())
            #expect(gone.isEmpty, "\(name): 0001 down dropped extensions \(gone.sorted())")

            // … and up applies again, to the same objects.
            try db.runFile(path: migration.up)
            let rebuilt = try db.objects(inSchema: schema.name)
            #expect(rebuilt == built, "\(name): up after down built \(rebuilt), first up built \(built)")
        }
    }

    /// The IR check must see every kind of difference it claims to check: each mutation of
    /// the IR below, checked against the database of the unmutated schema, is reported.
    @Test func irCheckSeesEveryKindOfMismatch() throws {
        let directory = SchemaSources.directory(of: "family_budget")
        let schema = try SchemaSources.compile(directory)
        try TestDatabase.with(label: "ircheck") { db in
            try db.run(sql: try SchemaSources.createScript(directory))
            let facts = try IRCatalogCheck.Facts.read(from: db, schema: schema.name)
            #expect(try IRCatalogCheck.problems(schema, facts, in: db).isEmpty)
            #expect(facts.objects.contains { $0.kind == "relation S" }, "identity sequences are listed")

            for (what, mutate) in Self.mutations {
                var mutated = schema
                try mutate(&mutated)
                #expect(mutated != schema, "mutation '\(what)' found nothing to change")
                let problems = try IRCatalogCheck.problems(mutated, facts, in: db)
                #expect(!problems.isEmpty, "the IR check missed: \(what)")
            }
        }
    }

    typealias Mutation = (String, @Sendable (inout Schema) throws -> Void)

    static let mutations: [Mutation] = [
        ("a table the database lacks", { s in var t = s.tables[0]; t.name += "_extra"; s.tables.append(t) }),
        ("a column type", { s in try s.column { $0.type == .varchar(255) } change: { $0.type = .varchar(254) } }),
        ("an enum-typed column", { s in try s.column { $0.type.enumName != nil } change: { $0.type = .text } }),
        ("nullability", { s in try s.column { $0.nullable } change: { $0.nullable = false } }),
        ("a literal default's value", { s in try s.column { $0.defaultValue == .literal("member") } change: { $0.defaultValue = .literal("owner") } }),
        ("a default the IR lacks", { s in try s.column { $0.defaultValue == .literal("false") } change: { $0.defaultValue = nil } }),
        ("an identity", { s in try s.column { $0.identity == .always } change: { $0.identity = .byDefault } }),
        ("a column comment", { s in try s.column { $0.comment != nil } change: { $0.comment! += "!" } }),
        ("column order", { s in try s.table { $0.columns.count > 2 } change: { $0.columns.swapAt(1, 2) } }),
        ("a table comment", { s in try s.table { $0.comment != nil } change: { $0.comment = nil } }),
        ("an index the IR lacks", { s in try s.table { !$0.indexes.isEmpty } change: { $0.indexes.removeFirst() } }),
        ("index uniqueness", { s in try s.table { $0.indexes.contains(where: \.unique) } change: { t in t.indexes[t.indexes.firstIndex(where: \.unique)!].unique = false } }),
        ("an index predicate", { s in try s.table { $0.indexes.contains { $0.predicate != nil } } change: { t in t.indexes[t.indexes.firstIndex { $0.predicate != nil }!].predicate = "NOT is_current" } }),
        ("index key order", { s in try s.table { $0.indexes.contains { $0.keys.count > 1 } } change: { t in t.indexes[t.indexes.firstIndex { $0.keys.count > 1 }!].keys.reverse() } }),
        ("a check's name", { s in try s.table { !$0.checks.isEmpty } change: { $0.checks[0].name += "_x" } }),
        ("a unique constraint's columns", { s in try s.table { !$0.uniques.isEmpty } change: { $0.uniques[0].columns.reverse() } }),
        ("a foreign key's ON DELETE", { s in try s.table { !$0.foreignKeys.isEmpty } change: { $0.foreignKeys[0].onDelete = $0.foreignKeys[0].onDelete == .cascade ? .restrict : .cascade } }),
        ("a primary key's kind", { s in try s.table { $0.primaryKey != nil } change: { t in t.uniques.append(UniqueConstraint(name: t.primaryKey!.name, columns: t.primaryKey!.columns)); t.primaryKey = nil } }),
        ("an exclusion constraint the IR lacks", { s in try s.table { !$0.exclusions.isEmpty } change: { $0.exclusions.removeAll() } }),
        ("closure triggers the IR does not maintain", { s in try s.table { $0.dimension?.hierarchy?.maintain == .trigger } change: { $0.dimension!.hierarchy!.maintain = .none } }),
        ("enum label order", { s in s.enums[0].values.reverse() }),
        ("an enum the database lacks", { s in s.enums.append(EnumType(name: "extra_kind", values: ["x"])) }),
        ("an extension that is not installed", { s in s.extensions.append("no_such_extension") }),
    ]
}

extension Schema {
    /// Changes the first table matching `where`, failing the mutation when there is none.
    fileprivate mutating func table(_ matches: (Table) -> Bool, change: (inout Table) -> Void) throws {
        guard let index = tables.firstIndex(where: matches) else { throw SchemacFailure(command: "mutate", output: "no table to mutate") }
        change(&tables[index])
    }

    fileprivate mutating func column(_ matches: (Column) -> Bool, change: (inout Column) -> Void) throws {
        try table({ $0.columns.contains(where: matches) }) { table in change(&table.columns[table.columns.firstIndex(where: matches)!]) }
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
