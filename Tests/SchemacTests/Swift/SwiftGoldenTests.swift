import Foundation
import SchemacDSL
import SchemacIR
import SchemacSwift
import Testing

/// `Fixtures/swift/<case>/schema/*.yaml` → every file under `Fixtures/swift/<case>/Swift/`,
/// and the example warehouse (`schema/`) → the committed `generated/Swift/`.
@Suite struct SwiftGoldenTests {
    static let cases = Golden.cases("swift")

    @Test(arguments: cases)
    func emits(_ name: String) throws {
        let base = Golden.fixtures + "/swift/" + name
        let files = try SwiftFixture.emit(schemaFolder: base + "/schema", relativeTo: base)
        #expect(!files.isEmpty, "case \(name) produced no files")
        for (path, text) in files {
            Golden.assertMatches(text, "swift/\(name)/Swift/\(path)")
        }
        let folder = base + "/Swift"
        let stale = SwiftFixture.swiftFiles(in: folder).subtracting(files.keys)
        if Golden.recording {
            for path in stale { try FileManager.default.removeItem(atPath: folder + "/" + path) }
        } else {
            #expect(stale.isEmpty, "golden files no longer generated: \(stale.sorted())")
        }
    }

    /// The project's own output is the golden of the example warehouse; `make run`
    /// (or `schemac generate`) rewrites it, and `diff --check` guards it as well.
    @Test func exampleMatchesGeneratedFolder() throws {
        let files = try SwiftFixture.emit(schemaFolder: SwiftFixture.repositoryRoot + "/schema", relativeTo: nil)
        let folder = SwiftFixture.repositoryRoot + "/generated/Swift"
        #expect(SwiftFixture.swiftFiles(in: folder) == Set(files.keys))
        for (path, text) in files {
            let committed = FileManager.default.contents(atPath: folder + "/" + path).map { String(decoding: $0, as: UTF8.self) }
            #expect(committed == text, "generated/Swift/\(path) is stale: run `swift run schemac generate`")
        }
    }

    @Test func everyCaseIsPresent() {
        #expect(Set(Self.cases).isSuperset(of: ["every_type", "naming"]))
    }
}

/// Compiling a fixture's schema and emitting its Swift files.
enum SwiftFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The emitted files of the schema in `schemaFolder`; with `relativeTo`, source paths
    /// are given relative to it, as the compile golden tests do.
    static func emit(schemaFolder: String, relativeTo base: String?) throws -> [String: String] {
        let compiled: CompiledSchema
        if let base {
            let sources = Golden.sourceFiles(in: schemaFolder, relativeTo: base).map { SourceFile(path: $0.path, contents: $0.contents) }
            compiled = try SchemaLoader.compile(sources).get()
        } else {
            compiled = try SchemaLoader.load(directory: schemaFolder).get()
        }
        return SwiftEmitter.files(for: compiled.schema, sources: compiled.files).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Paths of the `.swift` files below `folder`, relative to it.
    static func swiftFiles(in folder: String) -> Set<String> {
        let all = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return Set(all.filter { $0.hasSuffix(".swift") })
    }
}
