import ArgumentParser
import SchemacIR
import SchemacLint
import SchemacSQL

struct Lint: SchemacSubcommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the schema against design, naming and migration-safety rules (see docs/lint.md).",
        discussion: "Exits 1 when a finding of level error remains, 2 on invalid input or an unknown rule id.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github, json
        var output: LintOutput.Format { LintOutput.Format(rawValue: rawValue) ?? .text }
    }

    @OptionGroup var schemaOptions: SchemaOptions
    @Option(name: .long, help: "The output folder whose snapshot the pending migration starts from.")
    var out = "generated"
    @Option(name: .long, help: "Output format: text (FILE:LINE:COL: level: [rule] message), github (workflow annotations) or json.")
    var format: Format = .text

    func execute(_ console: Console) -> Int32 {
        // The output folder is only read, so errors do not say "nothing written".
        guard let pipeline = Pipeline.load(schema: schemaOptions.schema, out: out, parts: .snapshot, writes: false, console: console) else {
            return ExitCode.invalidInput
        }
        let compiled = pipeline.compiled
        let configuration = LintConfiguration(compiled.lint)
        let problems = configuration.problems()
        guard problems.isEmpty else {
            Pipeline.report(DiagnosticError(problems), console, writes: false)
            return ExitCode.invalidInput
        }
        let input = LintInput(
            schema: pipeline.schema, pending: (pipeline.upPlan(), pipeline.previous),
            snapshotLocation: SourceLocation(file: out + "/" + OutputState.snapshotName, line: 1, column: 1),
            isReservedWord: { SQLIdentifier.quote($0) != $0 })
        let result = Linter.run(input, configuration: configuration)
        let rendered = LintOutput.render(result, format.output)
        if !rendered.isEmpty { console.print(rendered) }
        if format != .json { console.error(LintOutput.summary(result)) }
        return result.hasErrors ? ExitCode.drift : ExitCode.success
    }
}
