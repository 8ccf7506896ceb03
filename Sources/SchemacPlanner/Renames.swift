import SchemacIR

/// Table and column renames between two schemas, found from `renamed_from`
/// hints. A hint counts only when the old name exists in the old schema and
/// the new name does not, so a hint left in place after its rename is inert.
struct Renames: Equatable {
    /// Old table name → new table name.
    var tables: [String: String] = [:]
    /// New table name → (old column name → new column name).
    var columns: [String: [String: String]] = [:]

    init() {}

    /// Renames that turn `old` into `new`, read from the hints in `new`.
    init(from old: Schema, to new: Schema) {
        let oldTables = Dictionary(uniqueKeysWithValues: old.tables.map { ($0.name, $0) })
        let newNames = Set(new.tables.map(\.name))
        for table in new.tables {
            // Most tables carry no hint at all: skip them before building name sets.
            guard table.renamedFrom != nil || table.columns.contains(where: { $0.renamedFrom != nil }) else { continue }
            var oldTable = oldTables[table.name]
            if oldTable == nil, let from = table.renamedFrom, let candidate = oldTables[from], !newNames.contains(from) {
                tables[from] = table.name
                oldTable = candidate
            }
            guard let oldTable else { continue }
            let oldColumns = Set(oldTable.columns.map(\.name))
            let newColumns = Set(table.columns.map(\.name))
            for column in table.columns where !oldColumns.contains(column.name) {
                if let from = column.renamedFrom, oldColumns.contains(from), !newColumns.contains(from) {
                    columns[table.name, default: [:]][from] = column.name
                }
            }
        }
    }

    var isEmpty: Bool { tables.isEmpty && columns.isEmpty }

    /// The renames that undo these: for the down migration.
    func inverted() -> Renames {
        var result = Renames()
        let oldName = Dictionary(uniqueKeysWithValues: tables.map { ($1, $0) })
        for (from, to) in tables { result.tables[to] = from }
        for (table, map) in columns {
            result.columns[oldName[table] ?? table] = Dictionary(uniqueKeysWithValues: map.map { ($1, $0) })
        }
        return result
    }

    func newTableName(_ name: String) -> String { tables[name] ?? name }

    /// `old` with every table and column renamed and every reference to them
    /// (foreign keys, keys, indexes on plain columns) rewritten: what the old
    /// database looks like right after the RENAME statements.
    func apply(to old: Schema) -> Schema {
        var schema = old
        if !isEmpty { schema.tables = old.tables.map { touches($0) ? rename($0) : $0 } }
        schema.canonicalize()
        return schema
    }

    /// Whether a rename reaches `table`: its own name or columns, or a table it names.
    private func touches(_ table: Table) -> Bool {
        if tables[table.name] != nil || columns[newTableName(table.name)] != nil { return true }
        let named = table.foreignKeys.map(\.referencedTable) + [table.dimension?.hierarchy?.closureTable, table.closure?.dimensionTable].compactMap { $0 }
        return named.contains { tables[$0] != nil || columns[newTableName($0)] != nil }
    }

    private func rename(_ table: Table) -> Table {
        var result = table
        result.name = newTableName(table.name)
        let map = columns[result.name] ?? [:]
        func col(_ name: String) -> String { map[name] ?? name }
        // PostgreSQL rewrites stored expressions when a column is renamed; so do we.
        func sql(_ text: String) -> String {
            map.reduce(text) { SQLText.renaming($0, from: $1.key, to: $1.value) }
        }
        result.checks = table.checks.map { CheckConstraint(name: $0.name, expression: sql($0.expression)) }
        result.exclusions = table.exclusions.map { exclusion in
            var renamed = exclusion
            renamed.elements = exclusion.elements.map { .init(expression: sql($0.expression), operator: $0.operator) }
            renamed.predicate = exclusion.predicate.map(sql)
            return renamed
        }
        result.columns = table.columns.map { column in
            var renamed = column
            renamed.name = col(column.name)
            return renamed
        }
        result.primaryKey?.columns = table.primaryKey?.columns.map(col) ?? []
        result.uniques = table.uniques.map { UniqueConstraint(name: $0.name, columns: $0.columns.map(col)) }
        result.foreignKeys = table.foreignKeys.map { key in
            let targetMap = columns[newTableName(key.referencedTable)] ?? [:]
            return ForeignKey(
                name: key.name, columns: key.columns.map(col), referencedTable: newTableName(key.referencedTable),
                referencedColumns: key.referencedColumns.map { targetMap[$0] ?? $0 }, onDelete: key.onDelete)
        }
        result.indexes = table.indexes.map { index in
            var renamed = index
            renamed.keys = index.keys.map { key in
                switch key.target {
                case let .column(name): IndexKey(.column(col(name)), order: key.order, nulls: key.nulls)
                case let .expression(text): IndexKey(.expression(sql(text)), order: key.order, nulls: key.nulls)
                }
            }
            renamed.include = index.include.map(col)
            renamed.predicate = index.predicate.map(sql)
            return renamed
        }
        result.dimension = table.dimension.map { info in
            var renamed = info
            renamed.businessKey = info.businessKey.map(col)
            if let hierarchy = info.hierarchy {
                renamed.hierarchy = Hierarchy(parentColumn: col(hierarchy.parentColumn), closureTable: newTableName(hierarchy.closureTable), maintain: hierarchy.maintain)
            }
            return renamed
        }
        result.fact = table.fact.map { info in
            FactInfo(
                dimensionReferences: info.dimensionReferences.map { DimensionReference(dimension: $0.dimension, role: $0.role, column: col($0.column)) },
                measures: info.measures.map(col), grain: info.grain.map(col))
        }
        result.closure = table.closure.map { ClosureInfo(dimensionTable: newTableName($0.dimensionTable)) }
        return result
    }
}
