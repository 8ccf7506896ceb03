import SchemacIR

/// Identifiers: reserved words, and the naming conventions data teams use.
/// Only names the user chose are checked; schemac's own (id, valid_from…) are
/// its conventions.
enum NamingRules {
    /// Prefixes that make a boolean read as a yes/no question.
    static let booleanPrefixes = ["is_", "has_", "can_", "should_", "was_", "were_", "allow_", "allows_", "needs_", "must_", "uses_", "does_", "did_", "will_"]

    static func check(_ context: LintContext) -> [Draft] {
        var drafts = context.schema.tables.flatMap { table in reservedWords(table, context) + conventions(table, context) }
        for type in context.schema.enums where context.isReservedWord(type.name) {
            let location = type.location ?? context.fallback
            drafts.append(Draft(
                rule: RuleCatalog.reservedWordIdentifier,
                message: "enum '\(type.name)' is a reserved word in PostgreSQL; every query must quote it", location: location, scope: [location]))
        }
        return drafts
    }

    private static func reservedWords(_ table: Table, _ context: LintContext) -> [Draft] {
        var drafts: [Draft] = []
        if context.isReservedWord(table.name) {
            let what = table.name == table.logicalName && table.kind == .table ? "table '\(table.name)'" : "table name '\(table.name)' of \(LintContext.describe(table))"
            drafts.append(context.draft(
                RuleCatalog.reservedWordIdentifier, "\(what) is a reserved word in PostgreSQL; every query must quote it", table: table))
        }
        for column in context.declaredColumns(of: table) where context.isReservedWord(column.name) {
            drafts.append(context.draft(
                RuleCatalog.reservedWordIdentifier,
                "column '\(column.name)' of \(LintContext.describe(table)) is a reserved word in PostgreSQL; every query must quote it",
                table: table, column: column.name))
        }
        return drafts
    }

    private static func conventions(_ table: Table, _ context: LintContext) -> [Draft] {
        var drafts: [Draft] = []
        func report(_ message: String, column: String? = nil, index: Index? = nil) {
            let text = "\(LintContext.describe(table)): \(message)"
            if let column {
                drafts.append(context.draft(RuleCatalog.namingConvention, text, table: table, column: column))
            } else if let index {
                drafts.append(context.draft(RuleCatalog.namingConvention, text, table: table, index: index))
            } else {
                drafts.append(context.draft(RuleCatalog.namingConvention, text, table: table))
            }
        }
        if table.kind != .closure, let problem = underscoreProblem(table.logicalName) { report("name '\(table.logicalName)' \(problem)") }
        let foreignKeyColumns = Set(table.foreignKeys.flatMap(\.columns))
        for column in context.declaredColumns(of: table) {
            if let problem = underscoreProblem(column.name) { report("column '\(column.name)' \(problem)", column: column.name) }
            if let problem = columnProblem(column, isForeignKey: foreignKeyColumns.contains(column.name)) {
                report(problem, column: column.name)
            }
        }
        for index in table.indexes where index.location != nil {
            let prefix = index.unique ? "uq_" : "ix_"
            if !index.name.hasPrefix(prefix) {
                report("\(index.unique ? "unique index" : "index") '\(index.name)' should start with \(prefix)", index: index)
            }
        }
        return drafts
    }

    private static func underscoreProblem(_ name: String) -> String? {
        if name.hasPrefix("_") || name.hasSuffix("_") { return "starts or ends with '_'" }
        if name.contains("__") { return "contains '__'" }
        return nil
    }

    /// Suffixes and prefixes that tell a column's role from its name.
    private static func columnProblem(_ column: Column, isForeignKey: Bool) -> String? {
        let name = column.name
        if isForeignKey && !name.hasSuffix("_id") {
            return "foreign-key column '\(name)' should end in _id"
        }
        switch column.type {
        case .boolean:
            if !booleanPrefixes.contains(where: name.hasPrefix) { return "boolean column '\(name)' should read as a question (is_\(name), has_…)" }
        case .timestamp, .timestamptz:
            if !name.hasSuffix("_at") { return "timestamp column '\(name)' should end in _at" }
        case .date:
            let dateLike = ["_on", "_date", "_day"].contains(where: name.hasSuffix) || name == "date" || name == "day"
            if !dateLike { return "date column '\(name)' should end in _on or _date" }
        default:
            break
        }
        return nil
    }
}
