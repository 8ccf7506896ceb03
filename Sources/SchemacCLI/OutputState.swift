import Foundation
import SchemacIR

/// What the output folder holds now: the last snapshot, the migrations and
/// their sum, and the generated Swift files.
struct OutputState {
    static let snapshotName = "schema.snapshot.json"
    static let migrationsFolder = "migrations"
    static let swiftFolder = "Swift"

    var folder: String
    var snapshotBytes: Data?
    var snapshot: Schema?
    /// `.sql` files in `migrations/`, by file name.
    var migrations: [String: [UInt8]] = [:]
    var sumText: String?
    /// Files derived from the schema alone (`Swift/…`, `ERD.md`), by path relative to the folder.
    var artifacts: [String: [UInt8]] = [:]

    /// Reads the folder; a missing folder is an empty state.
    static func read(_ folder: String) throws(DiagnosticError) -> OutputState {
        var state = OutputState(folder: folder)
        let snapshotPath = folder + "/" + snapshotName
        if let data = FileManager.default.contents(atPath: snapshotPath) {
            state.snapshotBytes = data
            do {
                state.snapshot = try Snapshot.decode(data)
            } catch {
                throw DiagnosticError([.error("invalid-snapshot", "cannot read the snapshot: \(error)", at: SourceLocation(file: snapshotPath, line: 1, column: 1))])
            }
        }
        state.migrations = readFiles(in: folder + "/" + migrationsFolder) { $0.hasSuffix(".sql") }
        state.sumText = FileManager.default.contents(atPath: state.sumPath).map { String(decoding: $0, as: UTF8.self) }
        for (path, bytes) in readFiles(in: folder + "/" + swiftFolder, recursive: true, where: { $0.hasSuffix(".swift") }) {
            state.artifacts[swiftFolder + "/" + path] = bytes
        }
        for name in Pipeline.topLevelArtifacts {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) { state.artifacts[name] = [UInt8](data) }
        }
        return state
    }

    var sumPath: String { folder + "/" + Self.migrationsFolder + "/" + MigrationSum.fileName }

    /// Problems with the recorded migrations: edited, added or missing files, or a broken sum.
    func migrationProblems() -> [String] {
        let actual = MigrationSum(files: migrations)
        guard let sumText else {
            return migrations.isEmpty ? [] : ["\(Self.migrationsFolder)/\(MigrationSum.fileName) is missing"]
        }
        guard let recorded = MigrationSum.parse(sumText) else {
            return ["\(Self.migrationsFolder)/\(MigrationSum.fileName) is malformed or was edited"]
        }
        return recorded.problems(comparedWith: actual)
    }

    /// The number the next migration gets: one more than the highest `NNNN_` prefix.
    var nextMigrationNumber: Int {
        let numbers = migrations.keys.compactMap { name in Int(name.prefix { $0.isNumber }) }
        return (numbers.max() ?? 0) + 1
    }

    private static func readFiles(in folder: String, recursive: Bool = false, where keep: (String) -> Bool) -> [String: [UInt8]] {
        let manager = FileManager.default
        let names: [String]
        if recursive {
            names = (manager.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        } else {
            names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        }
        var files: [String: [UInt8]] = [:]
        for name in names where keep(name) {
            if let data = manager.contents(atPath: folder + "/" + name) { files[name] = [UInt8](data) }
        }
        return files
    }
}
