import SchemacIR

/// Creating and dropping whole tables, in foreign-key order.
extension PlanBuilder {
    /// Creates tables so that every referenced table exists first. A foreign
    /// key that cannot be inline (a reference cycle) is added after all tables.
    mutating func createTables(_ tables: [Table]) {
        let order = ForeignKeyOrder.sorted(tables)
        var created = Set(new.tables.map(\.name)).subtracting(tables.map(\.name))
        var deferred: [(Table, ForeignKey)] = []
        for var table in order {
            created.insert(table.name)
            let (inline, later) = table.foreignKeys.partitioned { created.contains($0.referencedTable) }
            table.foreignKeys = inline
            deferred += later.map { (table, $0) }
            createTable(table)
        }
        for (table, key) in deferred {
            add(.addConstraint(table: table.name, .foreignKey(key), notValid: false), table.subject)
        }
    }

    private mutating func createTable(_ table: Table) {
        var bare = table
        bare.indexes = []
        add(.createTable(bare), table.subject)
        if let comment = table.comment { add(.commentOnTable(table: table.name, comment: comment), table.subject) }
        for column in table.columns {
            if let comment = column.comment { add(.commentOnColumn(table: table.name, column: column.name, comment: comment), table.subject) }
        }
        for index in table.indexes {
            add(.createIndex(table: table.name, index, concurrently: false), table.subject)
        }
        if table.kind == .closure, let maintenance = closureMaintenance(for: table, in: new), let dimension = new.table(named: maintenance.dimensionTable) {
            add(.createClosureMaintenance(maintenance), dimension.subject)
        }
    }

    /// Drops tables, dependents first; closure triggers go before their tables.
    mutating func dropTables(_ tables: [Table]) {
        let names = Set(tables.map(\.name))
        // DROP TABLE takes a dimension's triggers along, but not their functions.
        for table in tables where table.kind == .closure {
            if let maintenance = closureMaintenance(for: table, in: old) {
                add(.dropClosureMaintenance(maintenance), table.subject)
            }
        }
        let order = ForeignKeyOrder.sorted(tables)
        var remaining = names
        for table in order.reversed() {
            remaining.remove(table.name)
            // A key from a table dropped later would block this drop: remove it first.
            for other in tables where remaining.contains(other.name) {
                for key in other.foreignKeys where key.referencedTable == table.name {
                    add(.dropConstraint(table: other.name, name: key.name), other.subject)
                }
            }
            add(.dropTable(table.name), table.subject, hazards: [Hazard(.deletesData, "drops table \(table.name) and all its rows")])
        }
    }

    /// The closure maintenance of a closure table, if its dimension keeps it by trigger.
    func closureMaintenance(for closure: Table, in schema: Schema) -> ClosureMaintenance? {
        guard let dimensionName = closure.closure?.dimensionTable, let dimension = schema.table(named: dimensionName),
              let hierarchy = dimension.dimension?.hierarchy, hierarchy.maintain == .trigger else { return nil }
        return ClosureMaintenance(dimensionTable: dimension.name, parentColumn: hierarchy.parentColumn, closureTable: closure.name)
    }
}

/// Topological order of tables by foreign keys, ties broken by name, so the
/// order is deterministic. Keys into tables outside the set, and self
/// references, impose no order; cycles are broken at the smallest name.
enum ForeignKeyOrder {
    static func sorted(_ tables: [Table]) -> [Table] {
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        var dependencies: [String: Set<String>] = [:]
        for table in tables {
            dependencies[table.name] = Set(table.foreignKeys.map(\.referencedTable).filter { $0 != table.name && byName[$0] != nil })
        }
        var result: [Table] = []
        var done = Set<String>()
        var pending = tables.map(\.name).sorted()
        while !pending.isEmpty {
            let ready = pending.first { dependencies[$0, default: []].isSubset(of: done) } ?? pending[0]
            pending.removeAll { $0 == ready }
            done.insert(ready)
            if let table = byName[ready] { result.append(table) }
        }
        return result
    }
}

extension Array {
    func partitioned(_ belongsInFirst: (Element) -> Bool) -> ([Element], [Element]) {
        var first: [Element] = [], second: [Element] = []
        for element in self {
            if belongsInFirst(element) { first.append(element) } else { second.append(element) }
        }
        return (first, second)
    }
}
