import Foundation
import SchemacDSL
import SchemacIR
import SchemacPlanner
import SchemacSQL
import Testing

/// `Fixtures/compile/<case>/schema/*.yaml` → `create.sql` (the `schemac sql`
/// script) and `snapshot.json`, or `errors.txt` for input that must be refused.
@Suite struct CompileGoldenTests {
    static let cases = Golden.cases("compile")

    @Test(arguments: cases)
    func compiles(_ name: String) throws {
        let base = Golden.fixtures + "/compile/" + name
        let files = Golden.sourceFiles(in: base + "/schema", relativeTo: base).map { SourceFile(path: $0.path, contents: $0.contents) }
        #expect(!files.isEmpty, "case \(name) has no schema files")
        switch SchemaLoader.compile(files) {
        case let .success(compiled):
            #expect(!FileManager.default.fileExists(atPath: base + "/errors.txt"), "case \(name) should have been refused")
            let script = SQLRenderer.script(Planner.creation(of: compiled.schema))
            Golden.assertMatches(script, "compile/\(name)/create.sql")
            let snapshot = String(decoding: try Snapshot.encode(compiled.schema), as: UTF8.self)
            Golden.assertMatches(snapshot, "compile/\(name)/snapshot.json")
        case let .failure(error):
            #expect(!FileManager.default.fileExists(atPath: base + "/create.sql"), "case \(name) should have compiled")
            let text = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
            Golden.assertMatches(text, "compile/\(name)/errors.txt")
        }
    }

    @Test func everyCaseIsPresent() {
        #expect(Self.cases.count >= 10)
    }
}
