import SchemacIR

/// Star-schema modelling: grains, business keys, SCD2 references, audit columns.
enum WarehouseRules {
    static func check(_ context: LintContext) -> [Draft] {
        context.schema.tables.flatMap { table -> [Draft] in
            var drafts: [Draft] = []
            if let fact = table.fact, fact.grain.isEmpty {
                drafts.append(context.draft(
                    RuleCatalog.factWithoutGrain,
                    "fact '\(table.logicalName)' has no grain; declare what identifies one row with grain: [dimension, column…]", table: table))
            }
            if let dimension = table.dimension, dimension.businessKey.isEmpty {
                drafts.append(context.draft(
                    RuleCatalog.dimensionWithoutBusinessKey,
                    "dimension '\(table.logicalName)' has no business key; declare its natural key with key: [column…]", table: table))
            }
            if table.kind == .table {
                let missing = ["created_at", "updated_at"].filter { table.column(named: $0) == nil }
                if !missing.isEmpty {
                    drafts.append(context.draft(
                        RuleCatalog.missingTimestamps,
                        "table '\(table.logicalName)' has no \(missing.joined(separator: " or ")) column; add \(missing.count == 1 ? "it" : "them") as timestamptz with default now()",
                        table: table))
                }
            }
            return drafts + scd2References(from: table, context)
        }
    }

    /// SCD2 dimensions referenced other than by `id`: a foreign key to other
    /// columns, or a column that copies the business key (`user_email` for
    /// dimension `user` keyed on `email`) instead of pointing at a version.
    private static func scd2References(from table: Table, _ context: LintContext) -> [Draft] {
        var drafts: [Draft] = []
        for key in table.foreignKeys {
            guard let target = context.table(named: key.referencedTable), target.dimension?.history == .scd2,
                  key.referencedColumns != (target.primaryKey?.columns ?? ["id"]) else { continue }
            drafts.append(context.draft(
                RuleCatalog.scd2ReferenceNotSurrogate,
                "foreign key \(key.name) references scd2 dimension '\(target.logicalName)' by (\(key.referencedColumns.joined(separator: ", "))) instead of its surrogate key",
                table: table, column: key.columns[0]))
        }
        let foreignKeyColumns = Set(table.foreignKeys.flatMap(\.columns))
        for dimension in context.schema.tables where dimension.dimension?.history == .scd2 && dimension.name != table.name && table.closure == nil {
            let businessKey = dimension.dimension?.businessKey ?? []
            guard !businessKey.isEmpty else { continue }
            let copies = businessKey.map { "\(dimension.logicalName)_\($0)" }
            let columns = copies.compactMap { table.column(named: $0) }
            guard columns.count == copies.count, !columns.contains(where: { foreignKeyColumns.contains($0.name) }) else { continue }
            let typesMatch = zip(columns, businessKey).allSatisfy { column, key in dimension.column(named: key)?.type == column.type }
            guard typesMatch else { continue }
            drafts.append(context.draft(
                RuleCatalog.scd2ReferenceNotSurrogate,
                "\(LintContext.describe(table)) refers to scd2 dimension '\(dimension.logicalName)' by its business key (\(copies.joined(separator: ", "))); use references: \(dimension.logicalName) to point at one version",
                table: table, column: copies[0]))
        }
        return drafts
    }
}
