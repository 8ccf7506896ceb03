import SchemacIR

/// Indexes that duplicate the work of another index or key.
enum IndexRules {
    /// An index or constraint as b-tree lookups see it.
    private struct Candidate {
        var name: String
        var what: String
        var keys: [IndexKey]
        var include: Set<String>
        var unique: Bool
        var predicate: String?
    }

    static func check(_ context: LintContext) -> [Draft] {
        context.schema.tables.flatMap { table in redundantIndexes(table, context) }
    }

    /// A non-unique b-tree whose keys (column, order, nulls) are a prefix of
    /// another b-tree's keys, with the same predicate and no covering column
    /// the other lacks, answers no query the other cannot.
    private static func redundantIndexes(_ table: Table, _ context: LintContext) -> [Draft] {
        let indexes = table.indexes.filter { $0.method == "btree" }
        var others = indexes.map { Candidate(name: $0.name, what: "index", keys: $0.keys, include: Set($0.include), unique: $0.unique, predicate: $0.predicate) }
        let constraints = (table.primaryKey.map { [("primary key", $0.name, $0.columns)] } ?? []) + table.uniques.map { ("unique constraint", $0.name, $0.columns) }
        others += constraints.map { Candidate(name: $1, what: $0, keys: $2.map { IndexKey.column($0) }, include: [], unique: true, predicate: nil) }
        return indexes.compactMap { index -> Draft? in
            guard !index.unique else { return nil }
            let covering = others.first { other in
                other.name != index.name && other.predicate == index.predicate && other.keys.starts(with: index.keys)
                    && Set(index.include).isSubset(of: other.include.union(other.keys.compactMap(\.columnName)))
                    // Of two identical non-unique indexes, only the later name is reported.
                    && (other.keys.count > index.keys.count || other.unique || other.name < index.name)
            }
            guard let covering else { return nil }
            return context.draft(
                RuleCatalog.redundantIndex,
                "index \(index.name) (\(describe(index.keys))) of \(LintContext.describe(table)) is redundant: \(covering.what) \(covering.name) (\(describe(covering.keys))) starts with the same keys",
                table: table, index: index)
        }
    }

    private static func describe(_ keys: [IndexKey]) -> String {
        keys.map(\.readable).joined(separator: ", ")
    }
}

extension IndexKey {
    var columnName: String? {
        if case let .column(name) = target { return name }
        return nil
    }
}
