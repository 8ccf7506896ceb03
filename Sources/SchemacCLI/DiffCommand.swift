import ArgumentParser
import SchemacIR
import SchemacPlanner
import SchemacSQL

struct Diff: SchemacSubcommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the pending migration; with --check, exit 1 when the output folder is out of sync.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case sql, markdown, json }

    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var outputOptions: OutputOptions
    @Flag(name: .long, help: "Exit 1 (and say what) when the schema, snapshot, migration checksums or Swift code are out of sync.")
    var check = false
    @Option(name: .long, help: "Output format: sql (the up migration), markdown (a review report: hazards, changes, up and down SQL) or json (the full plan for tools).")
    var format: Format = .sql

    func execute(_ console: Console) -> Int32 {
        // The check decodes the snapshot only when its bytes differ from the schema's;
        // the printed diff needs nothing from the folder but the snapshot.
        guard let pipeline = Pipeline.load(
            schema: schemaOptions.schema, out: outputOptions.out,
            parts: check ? .all : .snapshot, decodeSnapshot: !check, console: console)
        else {
            return ExitCode.invalidInput
        }
        defer { console.keepUntilExit(pipeline) }
        if check { return StageTimer.measure("check") { runCheck(pipeline, console) } }
        switch format {
        case .sql:
            let plan = StageTimer.measure("plan") { pipeline.upPlan() }
            defer { console.keepUntilExit(plan) }
            console.print(StageTimer.measure("render SQL") { SQLRenderer.migration(plan, title: "pending migration (not written)", options: pipeline.sqlOptions) })
        case .markdown:
            console.print(DiffMarkdown.render(PendingDiff(pipeline.migration(), schemaName: pipeline.schema.name, options: pipeline.sqlOptions)))
        case .json:
            console.print(DiffJSON.render(PendingDiff(pipeline.migration(), schemaName: pipeline.schema.name, options: pipeline.sqlOptions)))
        }
        return ExitCode.success
    }

    private func runCheck(_ pipeline: Pipeline, _ console: Console) -> Int32 {
        let out = outputOptions.out
        var drift: [String] = []
        // Equal bytes mean an equal schema (the encoding is canonical): nothing to plan.
        // The snapshot is encoded while the generated files are rendered.
        let (current, artifacts) = concurrently {
            StageTimer.measure("encode snapshot", pipeline.snapshotBytes)
        } _: {
            StageTimer.measure("render artifacts", pipeline.artifacts)
        }
        defer { console.keepUntilExit((current, artifacts)) }
        if !Bytes.equal(pipeline.state.snapshotBytes, current) {
            let up: MigrationPlan
            do {
                up = try pipeline.decodingSnapshot().upPlan()
            } catch {
                Pipeline.report(error, console, writes: false)
                return ExitCode.invalidInput
            }
            if up.isEmpty {
                drift.append("\(out)/\(OutputState.snapshotName) is stale; run schemac generate")
            } else {
                let destructive = up.hazards.contains(where: \.isDestructive) ? " (including destructive changes)" : ""
                drift.append("the schema has \(up.steps.count) change\(up.steps.count == 1 ? "" : "s") not yet generated\(destructive); run schemac generate")
            }
        }
        drift += pipeline.state.migrationProblems()
        for path in Set(artifacts.keys).union(pipeline.state.artifacts.keys).sorted() where !Bytes.equal(artifacts[path], pipeline.state.artifacts[path]) {
            let what = artifacts[path] == nil ? "should not exist" : pipeline.state.artifacts[path] == nil ? "is missing" : "is stale"
            drift.append("\(out)/\(path) \(what); run schemac generate")
        }
        guard drift.isEmpty else {
            for item in drift { console.error("schemac: drift: \(item)") }
            return ExitCode.drift
        }
        console.print("schemac: \(out) is in sync with \(schemaOptions.schema)")
        return ExitCode.success
    }
}
