import Foundation
import SchemacDSL
import SchemacIR
import SchemacPlanner
import SchemacSQL
import Testing

/// `Fixtures/migrations/<case>/{before,after}/*.yaml` → `up.sql` and
/// `down.sql`, the migration `generate` writes for that change.
@Suite struct MigrationGoldenTests {
    static let cases = Golden.cases("migrations")

    static func compile(_ folder: String, base: String) throws -> Schema {
        let files = Golden.sourceFiles(in: folder, relativeTo: base).map { SourceFile(path: $0.path, contents: $0.contents) }
        switch SchemaLoader.compile(files) {
        case let .success(compiled): return compiled.schema
        case let .failure(error): throw error
        }
    }

    @Test(arguments: cases)
    func migrates(_ name: String) throws {
        let base = Golden.fixtures + "/migrations/" + name
        let before = try Self.compile(base + "/before", base: base)
        let after = try Self.compile(base + "/after", base: base)
        let migration = Planner.migration(from: before, to: after)
        #expect(!migration.up.isEmpty, "case \(name) changes nothing")
        Golden.assertMatches(SQLRenderer.migration(migration.up, title: "\(name) (up)"), "migrations/\(name)/up.sql")
        Golden.assertMatches(SQLRenderer.migration(migration.down, title: "\(name) (down)"), "migrations/\(name)/down.sql")
        // Applying the plan and diffing again must find nothing left to do.
        #expect(Planner.plan(from: after, to: after).isEmpty)
    }
}
