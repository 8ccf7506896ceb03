import Foundation
import SchemacDSL
import SchemacIR
import SchemacPlanner
import SchemacSQL
import SchemacSwift

/// The compiler's stages, glued: schema files → IR → plans → files.
struct Pipeline: Sendable {
    let compiled: CompiledSchema
    let state: OutputState
    /// The decoded snapshot; nil when there is none or it was not decoded.
    private(set) var snapshot: Schema?

    /// Compiles the schema while the output folder's `parts` are read (and its
    /// snapshot decoded, when `decodeSnapshot`); prints diagnostics on failure.
    /// `writes` says whether the command would have written (for the message).
    static func load(
        schema: String, out: String?, parts: OutputState.Parts = .all, decodeSnapshot: Bool = true,
        writes: Bool? = nil, console: Console
    ) -> Pipeline? {
        let writes = writes ?? (out != nil)
        let (output, compiledResult) = concurrently {
            let state = StageTimer.measure("read output folder") { out.map { OutputState.read($0, parts: parts) } ?? OutputState(folder: "") }
            let snapshot = StageTimer.measure("decode snapshot") {
                decodeSnapshot ? Result { () throws(DiagnosticError) in try state.decodedSnapshot() } : .success(nil)
            }
            return (state, snapshot)
        } _: {
            StageTimer.measure("compile schema") { SchemaLoader.load(directory: schema) }
        }
        do {
            let compiled = try compiledResult.get()
            return Pipeline(compiled: compiled, state: output.0, snapshot: try output.1.get())
        } catch {
            report(error, console, writes: writes)
            return nil
        }
    }

    /// This pipeline with its snapshot decoded (for a command that loaded it as bytes).
    func decodingSnapshot() throws(DiagnosticError) -> Pipeline {
        var decoded = self
        decoded.snapshot = try state.decodedSnapshot()
        return decoded
    }

    static func report(_ error: DiagnosticError, _ console: Console, writes: Bool) {
        for diagnostic in error.diagnostics { console.error(diagnostic.description) }
        let count = error.diagnostics.filter { $0.severity == .error }.count
        console.error("schemac: \(count) error\(count == 1 ? "" : "s")\(writes ? "; nothing written" : "")")
    }

    var schema: Schema { compiled.schema }
    var previous: Schema { snapshot ?? .empty(named: schema.name) }

    var sqlOptions: SQLOptions {
        var options = SQLOptions()
        options.lockTimeout = compiled.migration.lockTimeout
        options.statementTimeout = compiled.migration.statementTimeout
        options.indexStatementTimeout = compiled.migration.indexStatementTimeout
        return options
    }

    /// The pending migration: snapshot → schema, and back.
    func migration() -> Migration { Planner.migration(from: previous, to: schema) }
    func upPlan() -> MigrationPlan { Planner.plan(from: previous, to: schema) }

    func snapshotBytes() -> [UInt8] { Snapshot.bytes(of: schema) }

    /// Artifacts written at the top of the output folder (besides `Swift/`).
    static let topLevelArtifacts: [String] = [ERDMarkdown.fileName]

    /// Files derived from the schema alone, by path relative to the output
    /// folder: rewritten by `generate`, compared by `diff --check`.
    func artifacts() -> [String: [UInt8]] {
        let schema = schema
        // The diagram is drawn while the Swift files are rendered (on every core).
        let (diagram, swift) = concurrently {
            StageTimer.measure("render ERD") { ERDMarkdown.bytes(schema) }
        } _: {
            StageTimer.measure("render Swift") { SwiftEmitter.files(for: schema, sources: compiled.files) }
        }
        var files: [String: [UInt8]] = [:]
        files.reserveCapacity(swift.count + 1)
        for (path, bytes) in swift { files[OutputState.swiftFolder + "/" + path] = bytes }
        files[ERDMarkdown.fileName] = diagram
        return files
    }

    /// `NNNN_slug`.
    func migrationName(slug: String?, plan: MigrationPlan) -> String {
        let number = String(state.nextMigrationNumber)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        return padded + "_" + (slug ?? MigrationSlug.derive(plan, isFirst: state.snapshotBytes == nil))
    }
}

/// Names a migration after what it changes when `--name` is not given.
enum MigrationSlug {
    static func derive(_ plan: MigrationPlan, isFirst: Bool) -> String {
        if isFirst { return "initial" }
        let subjects = Array(Set(plan.steps.map(\.subject))).sorted()
        guard subjects.count == 1, let only = subjects.first else { return "update_\(subjects.count)_objects" }
        return "change_" + sanitize(only)
    }

    static func sanitize(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if out.last != "_" { out.append("_") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "_")).prefix(60))
    }

    /// `--name` must be a plain slug.
    static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 60 && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}
