import Foundation
@testable import SchemacCLI
import SchemacIR
import SchemacPlanner
import SchemacSQL
import Testing

/// `Fixtures/reports/<case>/{before,after}/*.yaml` → the `diff --format
/// markdown` report (`report.md`), the `--format json` plan (`plan.json`),
/// and the ERD of `after` (`ERD.md`). No `before/`: an empty database.
@Suite struct ReportGoldenTests {
    static let cases = Golden.cases("reports")

    static func diff(_ name: String) throws -> (PendingDiff, Schema) {
        let base = Golden.fixtures + "/reports/" + name
        let after = try LintHarness.compile(base + "/after", base: base).schema
        let before = FileManager.default.fileExists(atPath: base + "/before")
            ? try LintHarness.compile(base + "/before", base: base).schema : Schema.empty(named: after.name)
        return (PendingDiff(Planner.migration(from: before, to: after), schemaName: after.name, options: SQLOptions()), after)
    }

    @Test(arguments: cases)
    func reports(_ name: String) throws {
        let (diff, after) = try Self.diff(name)
        let markdown = DiffMarkdown.render(diff)
        Golden.assertMatches(markdown, "reports/\(name)/report.md")
        let json = DiffJSON.render(diff)
        Golden.assertMatches(json + "\n", "reports/\(name)/plan.json")
        Golden.assertMatches(ERDMarkdown.render(after), "reports/\(name)/ERD.md")

        // Hazards come before the changes, and the SQL is the one generate writes.
        if let hazards = markdown.range(of: "### Hazards"), let changes = markdown.range(of: "### Changes") {
            #expect(hazards.lowerBound < changes.lowerBound)
        }
        #expect(diff.migration.up.hazards.isEmpty == !markdown.contains("### Hazards"))
        if !diff.migration.up.isEmpty {
            #expect(markdown.contains("```sql\n" + diff.upSQL))
            #expect(markdown.contains("```sql\n" + diff.downSQL))
        }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let up = try #require(document["up"] as? [String: Any])
        #expect((up["steps"] as? [Any])?.count == diff.migration.up.steps.count)
        #expect(up["sql"] as? String == diff.upSQL)
        #expect((document["hazards"] as? [Any])?.count == diff.migration.up.hazards.count)
    }

    @Test func thereAreSeveralReportCases() {
        #expect(Self.cases.count >= 4)
        #expect(Self.cases.contains("no_changes"))
    }
}
