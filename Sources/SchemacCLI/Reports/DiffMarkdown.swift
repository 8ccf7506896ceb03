import SchemacPlanner

/// `schemac diff --format markdown`: a report to paste into a pull request.
/// Hazards first, then each changed object in plain words, then the SQL of
/// both directions.
enum DiffMarkdown {
    static func render(_ diff: PendingDiff) -> String {
        var lines = ["## schemac diff: schema \(ChangeWords.code(diff.schemaName))", ""]
        let up = diff.migration.up
        guard !up.isEmpty else {
            lines.append("No pending changes: the schema matches the snapshot.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines += [summary(diff), ""]
        lines += hazards(diff)
        lines += ["### Changes", ""]
        for (subject, steps) in diff.changesByObject {
            lines.append("#### " + heading(subject))
            lines.append("")
            lines += steps.map { step in
                let kinds = step.hazards.map { "**\($0.kind.rawValue)**" }
                return "- " + ChangeWords.describe(step.operation) + (kinds.isEmpty ? "" : " — " + kinds.joined(separator: ", "))
            }
            lines.append("")
        }
        lines += sqlBlock("Up migration", diff.upSQL) + [""] + sqlBlock("Down migration", diff.downSQL)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(_ diff: PendingDiff) -> String {
        let up = diff.migration.up
        let objects = diff.changesByObject.count
        let outside = up.steps.filter { !$0.transactional }.count
        let transactions = PendingDiff.transactionCount(diff.upSQL)
        var parts = ["**\(ChangeWords.count(up.steps.count, "step"))** on \(ChangeWords.count(objects, "object"))"]
        let destructive = up.hazards.filter(\.isDestructive).count
        parts.append(diff.hazardCount == 0 ? "no hazards" : "**\(ChangeWords.count(diff.hazardCount, "hazard"))**" + (destructive > 0 ? " (\(destructive) destructive)" : ""))
        parts.append("\(ChangeWords.count(transactions, "transaction"))" + (outside > 0 ? " and \(ChangeWords.count(outside, "statement")) outside a transaction (CONCURRENTLY)" : ""))
        return parts.joined(separator: " · ")
    }

    /// A GitHub alert, then one table row per hazard: destructive ones first, then in step order.
    private static func hazards(_ diff: PendingDiff) -> [String] {
        let steps = diff.migration.up.steps.filter { !$0.hazards.isEmpty }
        guard !steps.isEmpty else { return [] }
        var lines = ["### Hazards", ""]
        if diff.isDestructive {
            lines += ["> [!CAUTION]", "> This migration loses data or fails on a table with rows: `schemac generate` refuses it without `--allow-destructive`.", ""]
        } else {
            lines += ["> [!WARNING]", "> Some steps lock, rewrite or scan tables: check the hazards below against the size of the tables in production.", ""]
        }
        lines += ["| hazard | object | change | why |", "|---|---|---|---|"]
        let rows = steps.flatMap { step in step.hazards.map { (step, $0) } }
        for (step, hazard) in rows.filter({ $0.1.isDestructive }) + rows.filter({ !$0.1.isDestructive }) {
            let cells = ["**\(hazard.kind.rawValue)**", heading(step.subject), ChangeWords.describe(step.operation), hazard.message]
            lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    /// `dimension user` → dimension `user`; `closure table t_x` → closure table `t_x`.
    static func heading(_ subject: String) -> String {
        guard let space = subject.lastIndex(of: " ") else { return ChangeWords.code(subject) }
        return subject[..<space] + " " + ChangeWords.code(String(subject[subject.index(after: space)...]))
    }

    /// A table cell: a `|` would end it and a line break would end the row.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A fence longer than any run of backticks in the SQL, so a comment cannot close it.
    private static func sqlBlock(_ title: String, _ sql: String) -> [String] {
        var fence = "```"
        while sql.contains(fence) { fence += "`" }
        let body = sql.hasSuffix("\n") ? String(sql.dropLast()) : sql
        return ["### \(title)", "", fence + "sql", body, fence]
    }
}
