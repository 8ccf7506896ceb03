import Foundation
import SchemacCLI
import PostgresHarness

/// A schema folder and an output folder in a temporary directory, driven through
/// the real CLI in-process (`Schemac.run`), as a user's repository would be.
final class SchemaWorkspace: @unchecked Sendable {
    let root: URL
    var schemaDir: String { root.appendingPathComponent("schema").path }
    var outDir: String { root.appendingPathComponent("out").path }
    var migrationsDir: String { outDir + "/migrations" }

    init(label: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("schemac-oracle-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("schema").path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Replaces the schema folder with one file holding `yaml`.
    func write(yaml: String) throws {
        try replaceSchema { try yaml.write(toFile: self.schemaDir + "/warehouse.yaml", atomically: true, encoding: .utf8) }
    }

    /// Replaces the schema folder with a copy of `folder` (subfolders included).
    func copySchema(from folder: String) throws {
        try replaceSchema {
            for item in try FileManager.default.contentsOfDirectory(atPath: folder) {
                try FileManager.default.copyItem(atPath: folder + "/" + item, toPath: self.schemaDir + "/" + item)
            }
        }
    }

    private func replaceSchema(_ fill: () throws -> Void) throws {
        try? FileManager.default.removeItem(atPath: schemaDir)
        try FileManager.default.createDirectory(atPath: schemaDir, withIntermediateDirectories: true)
        try fill()
    }

    struct CLIResult: CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var out: String
        var err: String
        var description: String { "schemac \(arguments.joined(separator: " ")) → exit \(status)\n\(out)\(err)" }
    }

    func run(_ arguments: [String]) -> CLIResult {
        let result = Schemac.run(arguments)
        return CLIResult(arguments: arguments, status: result.status, out: result.out, err: result.err)
    }

    func generate(allowDestructive: Bool = true) -> CLIResult {
        run(["generate", "--schema", schemaDir, "--out", outDir] + (allowDestructive ? ["--allow-destructive"] : []))
    }

    func diffCheck() -> CLIResult { run(["diff", "--schema", schemaDir, "--out", outDir, "--check"]) }

    func sql() -> CLIResult { run(["sql", "--schema", schemaDir]) }

    /// `NNNN_slug` of every migration written so far, in order.
    func migrations() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: migrationsDir)) ?? []
        return files.filter { $0.hasSuffix(".up.sql") }.map { String($0.dropLast(".up.sql".count)) }.sorted()
    }

    func upPath(_ migration: String) -> String { migrationsDir + "/" + migration + ".up.sql" }
    func downPath(_ migration: String) -> String { migrationsDir + "/" + migration + ".down.sql" }

    /// The PostgreSQL schema of the last generated snapshot.
    func schemaName() throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: outDir + "/schema.snapshot.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let name = object["name"] as? String else {
            throw HarnessError.unexpectedOutput("no schema name in \(outDir)/schema.snapshot.json")
        }
        return name
    }
}
