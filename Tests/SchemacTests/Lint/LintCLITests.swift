import Foundation
@testable import SchemacCLI
import Testing

/// `schemac lint` and the new report formats, run in-process like the CLI contract tests.
@Suite struct LintCLITests {
    /// A throwaway project folder with `schema/` and `generated/`.
    struct Project {
        let root = NSTemporaryDirectory() + "schemac-lint-" + UUID().uuidString
        var schema: String { root + "/schema" }
        var out: String { root + "/generated" }

        init(_ yaml: String) throws {
            try FileManager.default.createDirectory(atPath: schema, withIntermediateDirectories: true)
            try write(yaml)
        }

        func write(_ yaml: String) throws { try yaml.write(toFile: schema + "/main.yaml", atomically: true, encoding: .utf8) }

        func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
            Schemac.run(arguments + ["--schema", schema, "--out", out])
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let warnings = """
        schema: shop
        tables:
          country:
            columns:
              code: { type: char(2), primary_key: true }
        """

    static let withError = warnings + "\n      price: real\n"

    @Test func theExampleWarehouseLintsClean() {
        let result = Schemac.run(["lint", "--schema", Self.repository + "/schema", "--out", Self.repository + "/generated"])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.isEmpty)
        #expect(result.err == "schemac: lint: no findings\n")
    }

    @Test func exitCodesFollowTheHighestLevelLeft() throws {
        let project = try Project(Self.warnings)
        let warned = project.run("lint")
        #expect(warned.status == 0)
        #expect(warned.out.hasPrefix(project.schema + "/main.yaml:3:3: warning: [missing-timestamps] table 'country'"))
        #expect(warned.err == "schemac: lint: 1 warning\n")
        try project.write(Self.withError)
        #expect(project.run("lint").status == 1)
        try project.write(Self.withError + "lint: { floating-point-money: warning }\n")
        #expect(project.run("lint").status == 0)
        try project.write(Self.withError + "lint: { floating-point-mony: warning }\n")
        let unknown = project.run("lint")
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("main.yaml:7:9: error: unknown lint rule 'floating-point-mony' in lint; did you mean 'floating-point-money'?"))
    }

    @Test func githubFormatWritesWorkflowAnnotations() throws {
        let project = try Project(Self.withError)
        let result = project.run("lint", "--format", "github")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::warning file=\(project.schema)/main.yaml,line=3,col=3,title=schemac lint [missing-timestamps]::table 'country'"))
        #expect(lines[1].hasPrefix("::error file=\(project.schema)/main.yaml,line=6,col=7,title=schemac lint [floating-point-money]::"))
        #expect(lines[1].contains("%0AWhy: real and double precision"))
        #expect(LintOutput.escapeProperty("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae")
        #expect(LintOutput.escapeData("a:b,c%d\ne") == "a:b,c%25d%0Ae")
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let project = try Project(Self.withError)
        let result = project.run("lint", "--format", "json")
        #expect(result.status == 1)
        #expect(result.err.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["missing-timestamps", "floating-point-money"])
        #expect(findings.last?["level"] as? String == "error")
        #expect(findings.last?["line"] as? Int == 6)
        #expect((document["summary"] as? [String: Int]) == ["errors": 1, "warnings": 1, "notes": 0, "silenced": 0])
    }

    /// Hazards come from the migration still pending from the snapshot; once
    /// generated they are gone.
    @Test func migrationHazardsAreFindingsUntilGenerated() throws {
        let v1 = """
            schema: shop
            tables:
              country:
                columns:
                  code: { type: char(2), primary_key: true }
                  name: text
                  created_at: timestamptz
                  updated_at: timestamptz
            """
        let project = try Project(v1)
        #expect(project.run("generate").status == 0)
        try project.write(v1.replacingOccurrences(of: "      name: text\n", with: ""))
        let pending = project.run("lint")
        #expect(pending.status == 1)
        #expect(pending.out == "\(project.schema)/main.yaml:3:3: error: [migration-deletes-data] pending migration: table country: drops column country.name and its values\n")
        #expect(project.run("generate", "--allow-destructive").status == 0)
        #expect(project.run("lint").status == 0)
    }

    @Test func diffReportsAndTheERDComeFromTheCLI() throws {
        let project = try Project(Self.warnings)
        let markdown = project.run("diff", "--format", "markdown")
        #expect(markdown.status == 0)
        #expect(markdown.out.hasPrefix("## schemac diff: schema `shop`\n"))
        let json = project.run("diff", "--format", "json")
        #expect(json.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["format"] as? Int == 1)
        #expect(project.run("generate").status == 0)
        let erd = try String(contentsOfFile: project.out + "/ERD.md", encoding: .utf8)
        #expect(erd.contains("```mermaid\nerDiagram\n    country {\n        char(2) code PK\n    }\n```"))
        #expect(project.run("diff", "--check").status == 0)
        try (erd + "edited\n").write(toFile: project.out + "/ERD.md", atomically: true, encoding: .utf8)
        let check = project.run("diff", "--check")
        #expect(check.status == 1)
        #expect(check.err.contains("ERD.md is stale"))
    }
}
