import Foundation

extension CatalogSnapshot {
    /// One self-contained line per fact (each names its table/column), in a stable order.
    /// `diff` compares these lines, so every field of the snapshot appears in one.
    var lines: [String] {
        var lines = ["schema \(schema)"]
        lines += extensions.map { "extension \($0)" }
        lines += enums.map { "enum \(schema).\($0.name): \($0.labels.map(quoted).joined(separator: ", "))" }
        lines += functions.map { "function \(schema).\($0.signature): \(oneLine($0.definition))" }
        for table in tables { lines += describe(table) }
        return lines
    }

    var description: String { lines.joined(separator: "\n") }

    /// What changes from `self` to `other`: "- line" only in `self`, "+ line" only in
    /// `other`, sorted so both sides of one change sit together. Empty when equal.
    func diff(against other: CatalogSnapshot) -> [String] {
        let mine = Set(lines), theirs = Set(other.lines)
        let removed = lines.filter { !theirs.contains($0) }.map { ($0, "- ") }
        let added = other.lines.filter { !mine.contains($0) }.map { ($0, "+ ") }
        return (removed + added)
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { $0.1 + $0.0 }
    }

    private func describe(_ table: Table) -> [String] {
        let path = "\(schema).\(table.name)"
        var lines = ["table \(path)" + (table.partitionKey.map { " PARTITION BY \($0)" } ?? "")]
        if let comment = table.comment { lines.append("comment on table \(path): \(quoted(comment))") }
        for (position, column) in table.columns.enumerated() {
            lines.append("column \(path).\(column.name) #\(position + 1): \(describe(column))")
            if let comment = column.comment {
                lines.append("comment on column \(path).\(column.name): \(quoted(comment))")
            }
        }
        lines += table.constraints.map {
            "constraint \(path).\($0.name) [\($0.type)]: \(oneLine($0.definition))"
                + ($0.validated ? "" : " [not validated]")
        }
        lines += table.indexes.map {
            "index \(path).\($0.name): \(oneLine($0.definition))" + ($0.valid ? "" : " [INVALID]")
        }
        lines += table.triggers.map { "trigger \(path).\($0.name): \(oneLine($0.definition))" }
        return lines
    }

    private func describe(_ column: Column) -> String {
        var parts = [column.type]
        if let collation = column.collation { parts.append("COLLATE \(collation)") }
        if column.notNull { parts.append("NOT NULL") }
        if let identity = column.identity { parts.append("GENERATED \(identity) AS IDENTITY") }
        if let expression = column.defaultExpression {
            parts.append(column.generated ? "GENERATED ALWAYS AS (\(expression)) STORED" : "DEFAULT \(expression)")
        }
        return parts.map(oneLine).joined(separator: " ")
    }
}

private func quoted(_ text: String) -> String {
    "'" + oneLine(text).replacingOccurrences(of: "'", with: "''") + "'"
}

/// Keeps multi-line definitions (function bodies, comments) on their fact's line.
private func oneLine(_ text: String) -> String {
    var text = Substring(text)
    while text.last?.isNewline == true { text = text.dropLast() }
    return text.replacingOccurrences(of: "\n", with: "\\n")
}
