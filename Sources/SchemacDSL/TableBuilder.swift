import SchemacIR

/// Accumulates one physical table while a dimension, fact or plain table is
/// translated, then adds the indexes foreign keys need.
struct TableBuilder {
    var table: Table
    /// Columns that asked for an index (`index: true`, or foreign keys by default).
    var indexRequests: [(column: String, location: SourceLocation?)] = []
    /// Columns that said `index: false`.
    var indexOptOuts: Set<String> = []

    init(name: String, logicalName: String, kind: TableKind, location: SourceLocation?) {
        table = Table(name: name, logicalName: logicalName, kind: kind)
        table.location = location
    }

    var name: String { table.name }

    func hasColumn(_ name: String) -> Bool { table.columns.contains { $0.name == name } }

    mutating func addColumn(_ column: Column) { table.columns.append(column) }

    mutating func addForeignKey(column: String, target: ReferenceTarget, onDelete: ReferentialAction?, indexed: Bool?, location: SourceLocation?) {
        guard let key = target.keyColumn else { return }
        table.foreignKeys.append(
            ForeignKey(
                name: ObjectName.foreignKey(name, column), columns: [column], referencedTable: target.table,
                referencedColumns: [key], onDelete: onDelete))
        if indexed == false {
            indexOptOuts.insert(column)
        } else {
            indexRequests.append((column, location))
        }
    }

    mutating func addIndex(_ index: Index) { table.indexes.append(index) }

    /// Indexes every requested column that no index, primary key or unique
    /// constraint already starts with, then sorts constraints and indexes.
    mutating func finish() -> Table {
        // Plain loops into an array: a table has a handful of these, and a Set
        // (hashing, growing its storage 1, 3, 6…) cost over 1 k instructions an insert.
        var covered: [String] = []
        covered.reserveCapacity(table.indexes.count + table.uniques.count + indexRequests.count + 1)
        for index in table.indexes {
            if case let .column(name)? = index.keys.first?.target { covered.append(name) }
        }
        if let first = table.primaryKey?.columns.first { covered.append(first) }
        for unique in table.uniques {
            if let first = unique.columns.first { covered.append(first) }
        }
        for request in indexRequests where !covered.contains(request.column) && !indexOptOuts.contains(request.column) {
            covered.append(request.column)
            table.indexes.append(Index(name: ObjectName.index(name, [request.column]), keys: [.column(request.column)], location: request.location))
        }
        table.canonicalize()
        return table
    }
}
