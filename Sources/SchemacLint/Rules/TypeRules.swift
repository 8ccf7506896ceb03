import SchemacIR

/// Column types: money in floating point, indexes led by a boolean.
enum TypeRules {
    /// Name segments that mark a column as money (or a money-like amount).
    static let moneyWords: Set<String> = [
        "amount", "amounts", "price", "prices", "cost", "costs", "total", "totals", "balance", "balances", "fee", "fees",
        "tax", "taxes", "vat", "salary", "salaries", "wage", "wages", "revenue", "revenues", "income", "expense", "expenses",
        "budget", "budgets", "payment", "payments", "paid", "charge", "charges", "discount", "discounts", "money", "net", "gross",
    ]

    static func check(_ context: LintContext) -> [Draft] {
        context.schema.tables.flatMap { table in floatingPointMoney(table, context) + booleanIndexes(table, context) }
    }

    private static func floatingPointMoney(_ table: Table, _ context: LintContext) -> [Draft] {
        let measures = Set(table.fact?.measures ?? [])
        return table.columns.compactMap { column in
            guard column.type.element == .real || column.type.element == .doublePrecision else { return nil }
            let isMeasure = measures.contains(column.name)
            let isMoney = column.name.split(separator: "_").contains { moneyWords.contains(String($0)) }
            guard isMeasure || isMoney else { return nil }
            let what = isMeasure ? "measure" : "money column"
            return context.draft(
                RuleCatalog.floatingPointMoney,
                "\(what) '\(column.name)' of \(LintContext.describe(table)) is \(column.type.canonical); use numeric(p,s) (or an integer count)",
                table: table, column: column.name)
        }
    }

    /// Only the leading key matters: that is what the b-tree sorts by first.
    private static func booleanIndexes(_ table: Table, _ context: LintContext) -> [Draft] {
        table.indexes.compactMap { index in
            guard case let .column(name)? = index.keys.first?.target, table.column(named: name)?.type == .boolean else { return nil }
            return context.draft(
                RuleCatalog.booleanIndex,
                "index \(index.name) of \(LintContext.describe(table)) starts with boolean column '\(name)'; use a partial index (where: \"\(name)\") on a selective column instead",
                table: table, index: index)
        }
    }
}
