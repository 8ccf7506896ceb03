import Foundation
import SchemacDSL
import SchemacIR
import SchemacPlanner
import SchemacSQL
import SchemacSwift

/// The compiler's stages, glued: schema files → IR → plans → files.
struct Pipeline {
    let compiled: CompiledSchema
    let state: OutputState

    /// Compiles the schema and reads the output folder, printing diagnostics on failure.
    static func load(schema: String, out: String?, console: Console) -> Pipeline? {
        let compiled: CompiledSchema
        switch SchemaLoader.load(directory: schema) {
        case let .success(value): compiled = value
        case let .failure(error):
            report(error, console, writes: out != nil)
            return nil
        }
        do {
            let state = try out.map { folder throws(DiagnosticError) in try OutputState.read(folder) } ?? OutputState(folder: "")
            return Pipeline(compiled: compiled, state: state)
        } catch {
            report(error, console, writes: out != nil)
            return nil
        }
    }

    static func report(_ error: DiagnosticError, _ console: Console, writes: Bool) {
        for diagnostic in error.diagnostics { console.error(diagnostic.description) }
        let count = error.diagnostics.filter { $0.severity == .error }.count
        console.error("schemac: \(count) error\(count == 1 ? "" : "s")\(writes ? "; nothing written" : "")")
    }

    var schema: Schema { compiled.schema }
    var previous: Schema { state.snapshot ?? .empty(named: schema.name) }

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

    func snapshotBytes() -> Data {
        // Encoding a schema the front end built cannot fail: every value is plain data.
        (try? Snapshot.encode(schema)) ?? Data()
    }

    /// Artifacts written at the top of the output folder (besides `Swift/`).
    static let topLevelArtifacts: [String] = [ERDMarkdown.fileName]

    /// Files derived from the schema alone, by path relative to the output
    /// folder: rewritten by `generate`, compared by `diff --check`.
    func artifacts() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (path, text) in SwiftEmitter.files(for: schema, sources: compiled.files) {
            files[OutputState.swiftFolder + "/" + path] = Array(text.utf8)
        }
        files[ERDMarkdown.fileName] = Array(ERDMarkdown.render(schema).utf8)
        return files
    }

    /// `NNNN_slug`.
    func migrationName(slug: String?) -> String {
        let number = String(state.nextMigrationNumber)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        return padded + "_" + (slug ?? MigrationSlug.derive(migration().up, isFirst: state.snapshot == nil))
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
