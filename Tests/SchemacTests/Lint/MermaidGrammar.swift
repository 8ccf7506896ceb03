import Foundation

/// A line-by-line check of the `erDiagram` subset schemac writes, after
/// Mermaid's grammar (erDiagram.jison): entity blocks of attributes
/// `type name [PK|FK|UK[, …]] ["comment"]`, and relationships
/// `A <card><line><card> B : "label"`. Stricter than Mermaid (attribute types
/// without commas or spaces, quoted labels), so what passes here renders in
/// older Mermaid versions too.
enum MermaidGrammar {
    private static let name = "[A-Za-z_][A-Za-z0-9_-]*"
    private static let entity = try! NSRegularExpression(pattern: "^    (\(name)) \\{$")
    private static let attribute = try! NSRegularExpression(
        pattern: "^        [A-Za-z_][A-Za-z0-9_()\\[\\]-]* \(name)( (PK|FK|UK)(, (PK|FK|UK))*)?( \"[^\"]*\")?$")
    private static let relationship = try! NSRegularExpression(
        pattern: "^    (\(name)) (\\|\\||\\|o|\\}o|\\}\\|)(--|\\.\\.)(\\|\\||o\\||o\\{|\\|\\{) (\(name)) : \"[^\"]*\"$")

    /// Every problem, as `line N: why`; empty when the diagram is well formed.
    static func problems(_ diagram: String) -> [String] {
        var problems: [String] = []
        var entities = Set<String>()
        var open: String?
        var relationships: [(Int, [String])] = []
        let lines = diagram.components(separatedBy: "\n")
        if lines.first != "erDiagram" { problems.append("line 1: expected erDiagram") }
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if open != nil {
                if line == "    }" {
                    open = nil
                } else if match(attribute, line) == nil {
                    problems.append("line \(number): not an attribute: \(line)")
                }
            } else if let groups = match(entity, line) {
                if !entities.insert(groups[0]).inserted { problems.append("line \(number): entity \(groups[0]) declared twice") }
                open = groups[0]
            } else if let groups = match(relationship, line) {
                relationships.append((number, [groups[0], groups[4]]))
            } else {
                problems.append("line \(number): not an entity or relationship: \(line)")
            }
        }
        if let open { problems.append("entity \(open) is not closed") }
        for (number, ends) in relationships {
            for end in ends where !entities.contains(end) { problems.append("line \(number): relationship names undeclared entity \(end)") }
        }
        return problems
    }

    /// The capture groups of a whole-line match (unmatched groups empty), or nil.
    private static func match(_ regex: NSRegularExpression, _ line: String) -> [String]? {
        let range = NSRange(line.startIndex..., in: line)
        guard let result = regex.firstMatch(in: line, range: range), result.range == range else { return nil }
        return (0..<result.numberOfRanges).dropFirst().map { index in
            Range(result.range(at: index), in: line).map { String(line[$0]) } ?? ""
        }
    }
}
