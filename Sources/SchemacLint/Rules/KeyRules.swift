import SchemacIR

/// Primary and foreign keys of any table.
enum KeyRules {
    static func check(_ context: LintContext) -> [Draft] {
        context.schema.tables.flatMap { table in
            primaryKey(table, context) + foreignKeyIndexes(table, context) + nullableForeignKeys(table, context)
        }
    }

    /// Dimensions, facts and closure tables always get one; only plain tables can lack it.
    private static func primaryKey(_ table: Table, _ context: LintContext) -> [Draft] {
        guard table.primaryKey == nil else { return [] }
        let hint = table.kind == .table ? ": mark its key column(s) with primary_key: true" : ""
        return [context.draft(RuleCatalog.tableWithoutPrimaryKey, "\(LintContext.describe(table)) has no primary key\(hint)", table: table)]
    }

    /// Plain tables only: schemac indexes dimension and fact keys itself, and a
    /// fact that opts out (`index: false`) usually relies on a composite or BRIN index.
    private static func foreignKeyIndexes(_ table: Table, _ context: LintContext) -> [Draft] {
        guard table.kind == .table else { return [] }
        let prefixes = LintContext.keyPrefixes(of: table)
        return table.foreignKeys.compactMap { key in
            guard !prefixes.contains(where: { $0.starts(with: key.columns) }) else { return nil }
            let columns = key.columns.joined(separator: ", ")
            return context.draft(
                RuleCatalog.foreignKeyWithoutIndex,
                "foreign key \(key.name) (\(columns)) of \(LintContext.describe(table)) has no index starting with its column\(key.columns.count == 1 ? "" : "s"); remove index: false or add one",
                table: table, column: key.columns[0])
        }
    }

    /// A hierarchy's parent column is nullable by design (roots have no parent).
    private static func nullableForeignKeys(_ table: Table, _ context: LintContext) -> [Draft] {
        let parent = table.dimension?.hierarchy?.parentColumn
        return table.foreignKeys.flatMap { key in
            key.columns.compactMap { name -> Draft? in
                guard name != parent, let column = table.column(named: name), column.nullable else { return nil }
                let target = context.table(named: key.referencedTable).map(LintContext.describe) ?? "'\(key.referencedTable)'"
                return context.draft(
                    RuleCatalog.nullableForeignKey,
                    "foreign-key column '\(name)' of \(LintContext.describe(table)) is nullable; reference an 'unknown' member of \(target) instead of NULL",
                    table: table, column: name)
            }
        }
    }
}
