import Foundation
@testable import SchemacCLI
import SchemacDSL
import SchemacIR
import SchemacLint
import Testing

/// The `lint:` section and `lint_ignore` keys: what the front end accepts and
/// refuses, and how levels and silences change what lint reports.
@Suite struct LintConfigTests {
    static func compile(_ yaml: String, _ more: [String: String] = [:]) -> Result<CompiledSchema, DiagnosticError> {
        let files = [SourceFile(path: "schema/main.yaml", contents: Array(yaml.utf8))]
            + more.map { SourceFile(path: $0.key, contents: Array($0.value.utf8)) }
        return SchemaLoader.compile(files)
    }

    static func errors(_ yaml: String, _ more: [String: String] = [:]) -> [String] {
        guard case let .failure(error) = compile(yaml, more) else { return [] }
        return error.diagnostics.map(\.description)
    }

    static let auditTable = """
        tables:
          audit:
            columns:
              id: { type: integer, primary_key: true }
              note: text
        """

    @Test func aSilenceWithoutAReasonIsAnError() {
        let yaml = """
            tables:
              audit:
                lint_ignore: { missing-timestamps: "", table-without-primary-key: }
                columns:
                  note: { type: text, lint_ignore: { naming-convention: "   " } }
            """
        #expect(Self.errors(yaml) == [
            "schema/main.yaml:3:40: error: lint_ignore of 'missing-timestamps' needs a reason: write why the finding does not apply",
            "schema/main.yaml:3:71: error: lint_ignore of 'table-without-primary-key' needs a reason: write why the finding does not apply",
            "schema/main.yaml:5:61: error: lint_ignore of 'naming-convention' needs a reason: write why the finding does not apply",
        ])
    }

    @Test func levelsMustBeKnown() {
        let errors = Self.errors("lint: { boolean-index: warnin, redundant-index: [off] }\n" + Self.auditTable)
        #expect(errors == [
            "schema/main.yaml:1:24: error: unknown lint level 'warnin' for 'boolean-index': expected error, warning, note or off; did you mean 'warning'?",
            "schema/main.yaml:1:49: error: expected a string for the level of lint rule 'redundant-index'",
        ])
    }

    @Test func lintIsGivenInOneFileOnly() {
        let errors = Self.errors("lint: { boolean-index: off }\n" + Self.auditTable, ["schema/other.yaml": "lint: { redundant-index: off }\n"])
        #expect(errors == ["schema/other.yaml:1:7: error: 'lint' is already given at schema/main.yaml:1:7; give it in one file only"])
    }

    @Test func unknownRuleIdsAreInputErrorsWithASuggestion() throws {
        let yaml = """
            lint: { boolen-index: off }
            tables:
              audit:
                lint_ignore: { redundant-indx: "planned" }
                columns:
                  id: { type: integer, primary_key: true }
            """
        let compiled = try Self.compile(yaml).get()
        let problems = LintConfiguration(compiled.lint).problems().map(\.description)
        #expect(problems == [
            "schema/main.yaml:1:9: error: unknown lint rule 'boolen-index' in lint; did you mean 'boolean-index'?",
            "schema/main.yaml:4:20: error: unknown lint rule 'redundant-indx' in lint_ignore; did you mean 'redundant-index'?",
        ])
    }

    @Test func levelsOverrideTheDefaultsAndOffTurnsARuleOff() throws {
        let yaml = """
            lint: { table-without-primary-key: warning, missing-timestamps: off, naming-convention: error }
            tables:
              event_log:
                columns:
                  active: boolean
            """
        let result = try LintHarness.run(Self.compile(yaml).get())
        #expect(result.findings.map { "\($0.rule) \($0.level.rawValue)" } == ["table-without-primary-key warning", "naming-convention error"])
        #expect(result.hasErrors)
    }

    @Test func lintSettingsAreNotPartOfTheSnapshot() throws {
        let plain = """
            tables:
              audit:
                columns:
                  id: { type: integer, primary_key: true }
                  note: text
                indexes:
                  - { columns: [note] }
            """
        let annotated = """
            lint: { missing-timestamps: off }
            tables:
              audit:
                lint_ignore: { naming-convention: "legacy" }
                columns:
                  id: { type: integer, primary_key: true, lint_ignore: { redundant-index: "none" } }
                  note: text
                indexes:
                  - { columns: [note], lint_ignore: { redundant-index: "none" } }
            """
        let before = try Self.compile(plain).get(), after = try Self.compile(annotated).get()
        #expect(try Snapshot.encode(before.schema) == Snapshot.encode(after.schema))
        #expect(before.lint.levels.isEmpty && before.lint.ignores.isEmpty)
        #expect(after.lint.levels.count == 1 && after.lint.ignores.count == 3)
    }

    /// A silence on a column covers that column only; one on the table covers every column.
    @Test func silencesCoverTheirElementAndWhatIsInside() throws {
        let yaml = """
            tables:
              ledger:
                columns:
                  id: { type: integer, primary_key: true }
                  price: { type: real, lint_ignore: { floating-point-money: "legacy feed" } }
                  cost: real
                  created_at: timestamptz
                  updated_at: timestamptz
            """
        let result = try LintHarness.run(Self.compile(yaml).get())
        #expect(result.findings.map(\.rule) == ["floating-point-money"])
        #expect(result.findings.first?.message.contains("'cost'") == true)
        #expect(result.silenced.map(\.reason) == ["legacy feed"])
    }
}
