import SchemacIR

/// A finding before the project's levels and silences are applied.
struct Draft {
    var rule: LintRule
    var message: String
    var location: SourceLocation
    var scope: [SourceLocation]
}

/// Where a finding points, and the elements (innermost first) whose `lint_ignore` applies.
struct Place {
    var location: SourceLocation
    var scope: [SourceLocation]
}

/// What the rules read: the schema, where each element was written, and which
/// columns schemac adds by itself (those are not the user's to rename or fix).
struct LintContext {
    let schema: Schema
    let isReservedWord: @Sendable (String) -> Bool
    /// For an element without a location (IR built by hand, or a generated table without one).
    let fallback: SourceLocation
    private let tablesByName: [String: Table]

    init(schema: Schema, isReservedWord: @escaping @Sendable (String) -> Bool, fallback: SourceLocation) {
        self.schema = schema
        self.isReservedWord = isReservedWord
        self.fallback = fallback
        tablesByName = Dictionary(schema.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func table(named name: String) -> Table? { tablesByName[name] }

    /// The dimension a closure table belongs to: silences on the dimension cover it.
    func owner(of closure: Table) -> Table? {
        closure.closure.flatMap { tablesByName[$0.dimensionTable] }
    }

    /// The table and, for a closure table, its dimension: innermost first.
    func scope(of table: Table) -> [SourceLocation] {
        [table.location, owner(of: table)?.location].compactMap { $0 }
    }

    /// Where a finding about the table, or one of its columns or indexes, points, and what silences it.
    func place(_ table: Table, column: String? = nil, index: Index? = nil) -> Place {
        let inner = [column.flatMap { table.column(named: $0)?.location }, index?.location].compactMap { $0 }
        let scope = inner + scope(of: table)
        return Place(location: scope.first ?? fallback, scope: scope)
    }

    func draft(_ rule: LintRule, _ message: String, table: Table, column: String? = nil, index: Index? = nil) -> Draft {
        let place = place(table, column: column, index: index)
        return Draft(rule: rule, message: message, location: place.location, scope: place.scope)
    }

    /// Columns schemac adds to dimensions, facts and closure tables: their
    /// names and types are schemac's conventions, not the user's choices.
    func managedColumns(of table: Table) -> Set<String> {
        switch table.kind {
        case .dimension:
            var names: Set<String> = ["id", "created_at", "updated_at"]
            if table.dimension?.history == .scd2 { names.formUnion(["valid_from", "valid_to", "is_current"]) }
            if let parent = table.dimension?.hierarchy?.parentColumn { names.insert(parent) }
            return names
        case .fact:
            return Set(["id", "created_at"] + (table.fact?.dimensionReferences.map(\.column) ?? []))
        case .closure:
            return Set(table.columns.map(\.name))
        case .table:
            return []
        }
    }

    /// The columns the user declared, in order.
    func declaredColumns(of table: Table) -> [Column] {
        let managed = managedColumns(of: table)
        return table.columns.filter { !managed.contains($0.name) }
    }

    /// `dimension 'user'`, `fact 'sale'`, `table 'audit_log'`: how messages name a table.
    static func describe(_ table: Table) -> String {
        switch table.kind {
        case .dimension: "dimension '\(table.logicalName)'"
        case .fact: "fact '\(table.logicalName)'"
        case .table: "table '\(table.logicalName)'"
        case .closure: "closure table '\(table.name)'"
        }
    }

    /// The column lists whose b-tree already serves a lookup by their leading columns.
    static func keyPrefixes(of table: Table) -> [[String]] {
        var lists = table.indexes.filter { $0.method == "btree" && $0.predicate == nil }.map(\.leadingColumns)
        if let primaryKey = table.primaryKey { lists.append(primaryKey.columns) }
        lists += table.uniques.map(\.columns)
        return lists
    }
}
