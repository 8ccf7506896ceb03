import Foundation
import SchemacIR
import SchemacLint

/// `schemac lint` output: compiler-style lines, GitHub workflow annotations, or JSON.
enum LintOutput {
    enum Format: String, CaseIterable, Sendable { case text, github, json }

    static func render(_ result: LintResult, _ format: Format) -> String {
        switch format {
        case .text: result.findings.map(text).joined(separator: "\n")
        case .github: result.findings.map(github).joined(separator: "\n")
        case .json: json(result)
        }
    }

    /// `FILE:LINE:COL: warning: [rule-id] message`, as compilers print, so editors link it.
    static func text(_ finding: LintFinding) -> String {
        "\(finding.location): \(finding.level.rawValue): [\(finding.rule)] \(finding.message)"
    }

    /// `::warning file=…,line=…,col=…,title=…::message`: GitHub shows it on the
    /// line in the pull request. The rationale goes on a second line of the message.
    static func github(_ finding: LintFinding) -> String {
        let command = finding.level == .note ? "notice" : finding.level.rawValue
        let location = finding.location
        let properties = [
            "file=" + escapeProperty(location.file), "line=\(location.line)", "col=\(location.column)",
            "title=" + escapeProperty("schemac lint [\(finding.rule)]"),
        ]
        var message = finding.message
        if let rationale = RuleCatalog.rule(finding.rule)?.rationale { message += "\nWhy: " + rationale }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// The workflow-command escapes: data may not hold `%`, CR or LF…
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// …and a property value not `:` or `,` either.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// One line for stderr, after the findings.
    static func summary(_ result: LintResult) -> String {
        let counts = [(LintLevel.error, "error"), (.warning, "warning"), (.note, "note")].compactMap { level, word -> String? in
            let n = result.count(level)
            return n == 0 ? nil : "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        let silenced = result.silenced.isEmpty ? "" : " (\(result.silenced.count) silenced with a reason)"
        return "schemac: lint: " + (counts.isEmpty ? "no findings" : counts.joined(separator: ", ")) + silenced
    }

    // MARK: JSON

    private struct Document: Encodable {
        var findings: [Item]
        var silenced: [Item]
        var summary: Summary
    }

    private struct Item: Encodable {
        var rule: String
        var level: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var rationale: String
        var reason: String?
        var silencedAt: String?
    }

    private struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var notes: Int
        var silenced: Int
    }

    private static func item(_ finding: LintFinding, reason: String? = nil, silencedAt: SourceLocation? = nil) -> Item {
        Item(
            rule: finding.rule, level: finding.level.rawValue, message: finding.message, file: finding.location.file,
            line: finding.location.line, column: finding.location.column, rationale: RuleCatalog.rule(finding.rule)?.rationale ?? "",
            reason: reason, silencedAt: silencedAt?.description)
    }

    /// Sorted keys, no timestamps: the same findings always give the same bytes.
    static func json(_ result: LintResult) -> String {
        let document = Document(
            findings: result.findings.map { item($0) },
            silenced: result.silenced.map { item($0.finding, reason: $0.reason, silencedAt: $0.silencedAt) },
            summary: Summary(errors: result.count(.error), warnings: result.count(.warning), notes: result.count(.note), silenced: result.silenced.count))
        return ReportJSON.encode(document)
    }
}
