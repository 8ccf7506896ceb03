import Foundation
import SchemacCLI
import SchemacDSL
import SchemacIR

/// Schema folders to test and the schemac outputs built from them, through the
/// same in-process CLI users run (`Schemac.run`).
enum SchemaSources {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)  // <root>/Tests/IntegrationTests/CreateSupport/…
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let compileFixtures = repositoryRoot.appendingPathComponent("Tests/SchemacTests/Fixtures/compile")

    /// "example" (the repository's `schema/`) and every compile fixture that must compile.
    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: compileFixtures.path)) ?? []
        let good = names.filter { name in
            let folder = compileFixtures.appendingPathComponent(name)
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent("schema").path)
                && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("errors.txt").path)
        }
        return ["example"] + good.sorted()
    }

    static func directory(of caseName: String) -> String {
        caseName == "example"
            ? repositoryRoot.appendingPathComponent("schema").path
            : compileFixtures.appendingPathComponent(caseName).appendingPathComponent("schema").path
    }

    static func compile(_ directory: String) throws -> Schema {
        switch SchemaLoader.load(directory: directory) {
        case let .success(compiled): return compiled.schema
        case let .failure(error):
            throw SchemacFailure(command: "compile \(directory)", output: error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }

    /// `schemac sql --schema DIR`: the full CREATE script.
    static func createScript(_ directory: String) throws -> String {
        try run(["sql", "--schema", directory])
    }

    /// `schemac generate --schema DIR --out <fresh folder>`; returns the output folder.
    static func generate(_ directory: String) throws -> URL {
        let out = try temporaryDirectory("generated")
        _ = try run(["generate", "--schema", directory, "--out", out.path])
        return out
    }

    /// Writes `yaml` as the only file of a fresh schema folder.
    static func writeSchema(_ yaml: String) throws -> String {
        let folder = try temporaryDirectory("schema")
        try yaml.write(to: folder.appendingPathComponent("schema.yaml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schemac-it-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    private static func run(_ arguments: [String]) throws -> String {
        let result = Schemac.run(arguments)
        guard result.status == 0 else {
            throw SchemacFailure(command: "schemac " + arguments.joined(separator: " "), output: "exit \(result.status)\n\(result.err)")
        }
        return result.out
    }
}

struct SchemacFailure: Error, CustomStringConvertible {
    var command: String
    var output: String
    var description: String { "`\(command)` failed:\n\(output)" }
}
