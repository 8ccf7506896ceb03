import ArgumentParser
import Foundation
import SchemacIR
import SchemacPlanner
import SchemacSQL

struct Generate: SchemacSubcommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the next migration pair, the snapshot and the Swift code when the schema changed.")

    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var outputOptions: OutputOptions
    @Option(name: .long, help: "The migration's slug (default: derived from the change).")
    var name: String?
    @Flag(name: .long, help: "Allow changes that lose data (dropping tables or columns, narrowing types).")
    var allowDestructive = false

    func execute(_ console: Console) -> Int32 {
        if let name, !MigrationSlug.isValid(name) {
            console.error("schemac: invalid --name '\(name)': use lower-case letters, digits, '_' and '-' (at most 60)")
            return ExitCode.invalidInput
        }
        guard let pipeline = Pipeline.load(schema: schemaOptions.schema, out: outputOptions.out, decodeSnapshot: false, console: console) else {
            return ExitCode.invalidInput
        }
        defer { console.keepUntilExit(pipeline) }
        let problems = pipeline.state.migrationProblems()
        guard problems.isEmpty else {
            for problem in problems { console.error("\(outputOptions.out)/migrations: error: \(problem)") }
            console.error("schemac: the recorded migrations do not match \(MigrationSum.fileName); nothing written")
            return ExitCode.invalidInput
        }
        // The snapshot is decoded only when the schema changed (its bytes differ).
        let snapshot = pipeline.snapshotBytes()
        guard !Bytes.equal(pipeline.state.snapshotBytes, snapshot) else { return write(pipeline, snapshot: snapshot, migration: nil, console) }
        do {
            let decoded = try pipeline.decodingSnapshot()
            return write(decoded, snapshot: snapshot, migration: decoded.migration(), console)
        } catch {
            Pipeline.report(error, console, writes: true)
            return ExitCode.invalidInput
        }
    }

    /// Writes what changed; `migration` is nil when the snapshot already matches the schema.
    private func write(_ pipeline: Pipeline, snapshot: [UInt8], migration: Migration?, _ console: Console) -> Int32 {
        let out = outputOptions.out
        var writer = FileWriter()
        var migrationName: String?
        if let migration, !migration.up.isEmpty {
            let up = migration.up
            let destructive = up.steps.filter { $0.hazards.contains(where: \.isDestructive) }
            if !destructive.isEmpty && !allowDestructive {
                for step in destructive {
                    for hazard in step.hazards where hazard.isDestructive { console.error("schemac: refused: \(step.subject): \(hazard.message)") }
                }
                console.error("schemac: \(destructive.count) destructive change\(destructive.count == 1 ? "" : "s") refused; rerun with --allow-destructive to apply; nothing written")
                return ExitCode.refused
            }
            let fileBase = pipeline.migrationName(slug: name, plan: up)
            migrationName = fileBase
            let options = pipeline.sqlOptions
            let added = [
                fileBase + ".up.sql": Array(SQLRenderer.migration(up, title: "\(fileBase) (up)", options: options).utf8),
                fileBase + ".down.sql": Array(SQLRenderer.migration(migration.down, title: "\(fileBase) (down)", options: options).utf8),
            ]
            for (file, bytes) in added { writer.files["\(out)/migrations/\(file)"] = bytes }
            // The recorded migrations were hashed when the folder was read: only the new pair is.
            let sum = pipeline.state.migrationSum.adding(MigrationSum(files: added))
            writer.files[pipeline.state.sumPath] = Array(sum.text.utf8)
        }
        if !Bytes.equal(pipeline.state.snapshotBytes, snapshot) { writer.files["\(out)/\(OutputState.snapshotName)"] = snapshot }
        let artifacts = pipeline.artifacts()
        defer { console.keepUntilExit((artifacts, migration)) }
        for (path, bytes) in artifacts where !Bytes.equal(pipeline.state.artifacts[path], bytes) { writer.files["\(out)/\(path)"] = bytes }
        writer.removals = pipeline.state.artifacts.keys.filter { artifacts[$0] == nil }.sorted().map { "\(out)/\($0)" }
        guard !writer.files.isEmpty || !writer.removals.isEmpty else {
            console.print("schemac: no changes; nothing written")
            return ExitCode.success
        }
        do {
            try writer.commit()
        } catch {
            console.error("schemac: error: \(error); nothing written")
            return ExitCode.invalidInput
        }
        if let migrationName {
            console.print("schemac: wrote migration \(migrationName) (\(migration?.up.steps.count ?? 0) steps) to \(out)/migrations")
        } else {
            console.print("schemac: no schema changes; updated \(writer.files.count) generated file\(writer.files.count == 1 ? "" : "s")")
        }
        return ExitCode.success
    }
}
