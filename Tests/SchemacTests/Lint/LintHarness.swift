import Foundation
@testable import SchemacCLI
import SchemacDSL
import SchemacIR
import SchemacLint
import SchemacPlanner
import SchemacSQL

/// Runs lint on a fixture folder the way `schemac lint` does, without the
/// output folder: `<case>/schema` is the schema, `<case>/before` (if present)
/// the snapshot the pending migration starts from.
enum LintHarness {
    /// Where findings about what only the snapshot has point, as the CLI's default `--out` would.
    static let snapshot = SourceLocation(file: "generated/schema.snapshot.json", line: 1, column: 1)

    struct CompileError: Error, CustomStringConvertible {
        var description: String
    }

    static func compile(_ folder: String, base: String) throws -> CompiledSchema {
        let files = Golden.sourceFiles(in: folder, relativeTo: base).map { SourceFile(path: $0.path, contents: $0.contents) }
        switch SchemaLoader.compile(files) {
        case let .success(compiled): return compiled
        case let .failure(error): throw CompileError(description: error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }

    static func lint(_ base: String) throws -> (result: LintResult, problems: [Diagnostic]) {
        let compiled = try compile(base + "/schema", base: base)
        let previous = FileManager.default.fileExists(atPath: base + "/before") ? try compile(base + "/before", base: base).schema : nil
        return (run(compiled, previous: previous), LintConfiguration(compiled.lint).problems())
    }

    /// Lints a compiled schema against a snapshot (nil: an empty database, as with no snapshot).
    static func run(_ compiled: CompiledSchema, previous: Schema? = nil) -> LintResult {
        let previous = previous ?? Schema.empty(named: compiled.schema.name)
        let input = LintInput(
            schema: compiled.schema, pending: (Planner.plan(from: previous, to: compiled.schema), previous), snapshotLocation: snapshot,
            isReservedWord: { SQLIdentifier.quote($0) != $0 })
        return Linter.run(input, configuration: LintConfiguration(compiled.lint))
    }

    /// The CLI's text lines, then one line per silenced finding with its reason.
    static func transcript(_ result: LintResult) -> String {
        let active = result.findings.map(LintOutput.text)
        let silenced = result.silenced.map { item in
            "\(item.finding.location): silenced: [\(item.finding.rule)] \(item.finding.message) (reason at \(item.silencedAt): \(item.reason))"
        }
        return (active + silenced).map { $0 + "\n" }.joined()
    }
}
