import Foundation
import SchemacLint
import Testing

/// `Fixtures/lint/<rule-id>/{triggers,passes,silenced}/schema/*.yaml` (and
/// `before/` for the migration rules) → `expected.txt`: for every rule, a
/// schema that triggers it, one that does not, and one that silences it with
/// a reason. Besides the golden text, each case checks what its name promises.
@Suite struct LintGoldenTests {
    static let variants = ["triggers", "passes", "silenced"]
    static let rules = Golden.cases("lint")
    static let cases = rules.flatMap { rule in variants.map { rule + "/" + $0 } }

    @Test(arguments: cases)
    func lints(_ path: String) throws {
        let base = Golden.fixtures + "/lint/" + path
        let (rule, variant) = (String(path.split(separator: "/")[0]), String(path.split(separator: "/")[1]))
        let (result, problems) = try LintHarness.lint(base)
        #expect(problems.isEmpty, "\(problems)")
        let active = result.findings.filter { $0.rule == rule }
        let silenced = result.silenced.filter { $0.finding.rule == rule }
        switch variant {
        case "triggers":
            #expect(!active.isEmpty, "\(path): rule \(rule) did not fire")
        case "passes":
            #expect(active.isEmpty && silenced.isEmpty, "\(path): rule \(rule) fired: \(active.map(\.message))")
        default:
            #expect(active.isEmpty, "\(path): rule \(rule) was not silenced: \(active.map(\.message))")
            #expect(!silenced.isEmpty, "\(path): nothing of rule \(rule) was silenced")
            #expect(silenced.allSatisfy { !$0.reason.isEmpty })
        }
        Golden.assertMatches(LintHarness.transcript(result), "lint/\(path)/expected.txt")
    }

    /// Every rule has its three cases, and no folder names a rule that does not exist.
    @Test func everyRuleHasGoldenCases() {
        #expect(Set(Self.rules) == Set(RuleCatalog.all.map(\.id)))
        for rule in Self.rules {
            for variant in Self.variants {
                #expect(FileManager.default.fileExists(atPath: Golden.fixtures + "/lint/\(rule)/\(variant)/schema/main.yaml"), "\(rule)/\(variant)")
            }
        }
    }

    @Test func ruleIdsAreUniqueAndEveryRuleHasARationale() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(RuleCatalog.all.allSatisfy { !$0.rationale.isEmpty && $0.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
    }

    /// docs/lint.md lists every rule with the level and rationale the code has.
    @Test func theDocsListEveryRule() throws {
        let docs = try String(contentsOfFile: LintCLITests.repository + "/docs/lint.md", encoding: .utf8)
        for rule in RuleCatalog.all {
            let row = "| `\(rule.id)` | \(rule.defaultLevel.rawValue) | \(rule.rationale) |"
            #expect(docs.contains(row), "docs/lint.md lacks: \(row)")
        }
    }
}
