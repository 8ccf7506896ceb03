import SchemacIR

/// What the output folder holds now: the last snapshot, the migrations and
/// their sum, and the generated Swift files. Only the parts a command needs
/// are read, and the snapshot stays bytes until someone needs it as a schema.
struct OutputState: Sendable {
    static let snapshotName = "schema.snapshot.json"
    static let migrationsFolder = "migrations"
    static let swiftFolder = "Swift"

    struct Parts: OptionSet, Sendable {
        let rawValue: Int
        static let snapshot = Parts(rawValue: 1)
        static let migrations = Parts(rawValue: 2)
        /// `Swift/…` and the other files derived from the schema alone.
        static let artifacts = Parts(rawValue: 4)
        static let all: Parts = [.snapshot, .migrations, .artifacts]
    }

    var folder: String
    var snapshotBytes: [UInt8]?
    /// `.sql` files in `migrations/`, by file name.
    var migrations: [String: [UInt8]] = [:]
    /// The migrations' digests as they are on disk (what `schemac.sum` should say).
    var migrationSum = MigrationSum(files: [:])
    var sumText: String?
    /// Files derived from the schema alone (`Swift/…`, `ERD.md`), by path relative to the folder.
    var artifacts: [String: [UInt8]] = [:]

    var snapshotPath: String { folder + "/" + Self.snapshotName }
    var sumPath: String { folder + "/" + Self.migrationsFolder + "/" + MigrationSum.fileName }

    /// Reads `parts` of the folder; a missing folder is an empty state.
    static func read(_ folder: String, parts: Parts = .all) -> OutputState {
        var state = OutputState(folder: folder)
        if parts.contains(.snapshot) { state.snapshotBytes = FileBytes.read(state.snapshotPath) }
        if parts.contains(.migrations) {
            let folder = folder + "/" + migrationsFolder
            for name in FileBytes.list(folder) where name.hasSuffix(".sql") {
                state.migrations[name] = FileBytes.read(folder + "/" + name)
            }
            state.migrationSum = MigrationSum(files: state.migrations)
            state.sumText = FileBytes.read(state.sumPath).map { String(decoding: $0, as: UTF8.self) }
        }
        if parts.contains(.artifacts) {
            let swift = folder + "/" + swiftFolder
            for path in FileBytes.list(swift, recursive: true) where path.hasSuffix(".swift") {
                state.artifacts[swiftFolder + "/" + path] = FileBytes.read(swift + "/" + path)
            }
            for name in Pipeline.topLevelArtifacts {
                if let bytes = FileBytes.read(folder + "/" + name) { state.artifacts[name] = bytes }
            }
        }
        return state
    }

    /// The snapshot as a schema; nil when there is none yet.
    func decodedSnapshot() throws(DiagnosticError) -> Schema? {
        guard let snapshotBytes else { return nil }
        do {
            return try Snapshot.decode(snapshotBytes)
        } catch {
            throw DiagnosticError([.error("invalid-snapshot", "cannot read the snapshot: \(error)", at: SourceLocation(file: snapshotPath, line: 1, column: 1))])
        }
    }

    /// Problems with the recorded migrations: edited, added or missing files, or a broken sum.
    func migrationProblems() -> [String] {
        guard let sumText else {
            return migrations.isEmpty ? [] : ["\(Self.migrationsFolder)/\(MigrationSum.fileName) is missing"]
        }
        guard let recorded = MigrationSum.parse(sumText) else {
            return ["\(Self.migrationsFolder)/\(MigrationSum.fileName) is malformed or was edited"]
        }
        return recorded.problems(comparedWith: migrationSum)
    }

    /// The number the next migration gets: one more than the highest `NNNN_` prefix.
    var nextMigrationNumber: Int {
        let numbers = migrations.keys.compactMap { name in Int(name.prefix { $0.isNumber }) }
        return (numbers.max() ?? 0) + 1
    }
}
