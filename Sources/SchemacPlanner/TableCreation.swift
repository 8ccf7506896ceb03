import SchemacIR

/// Creating, dropping and renaming whole tables, in foreign-key order.
extension PlanBuilder {
    /// Creates tables so that every referenced table exists first. A foreign
    /// key that cannot be inline (a reference cycle) is added after all tables;
    /// the tables are new and empty, so nothing needs NOT VALID.
    mutating func createTables(_ tables: [Table]) {
        var created = Set(new.tables.map(\.name)).subtracting(tables.map(\.name))
        var deferred: [(Table, ForeignKey)] = []
        for var table in ForeignKeyOrder.sorted(tables) {
            created.insert(table.name)
            let (inline, later) = table.foreignKeys.partitioned { created.contains($0.referencedTable) }
            table.foreignKeys = inline
            deferred += later.map { (table, $0) }
            createTable(table)
        }
        for (table, key) in deferred {
            add(.alter, .addConstraint(table: table.name, .foreignKey(key), notValid: false), table.subject)
        }
    }

    private mutating func createTable(_ table: Table) {
        var bare = table
        bare.indexes = []
        add(.alter, .createTable(bare), table.subject)
        if let comment = table.comment { add(.alter, .commentOnTable(table: table.name, comment: comment), table.subject) }
        for column in table.columns {
            if let comment = column.comment { add(.alter, .commentOnColumn(table: table.name, column: column.name, comment: comment), table.subject) }
        }
        // A new table is empty: its indexes build instantly inside the transaction.
        for index in table.indexes {
            add(.alter, .createIndex(table: table.name, index, concurrently: false), table.subject)
        }
    }

    /// Drops tables, dependents first.
    mutating func dropTables(_ tables: [Table]) {
        let names = Set(tables.map(\.name))
        var remaining = names
        for table in ForeignKeyOrder.sorted(tables).reversed() {
            remaining.remove(table.name)
            // A key from a table dropped later would block this drop: remove it first.
            for other in tables where remaining.contains(other.name) {
                for key in other.foreignKeys where key.referencedTable == table.name && key.referencedTable != other.name {
                    add(.alter, .dropConstraint(table: other.name, name: key.name), other.subject)
                }
            }
            // Closure tables hold derived data only: rebuilt from parent links, nothing is lost.
            let hazards = table.kind == .closure ? [] : [Hazard(.deletesData, "drops table \(table.name) and all its rows")]
            add(.alter, .dropTable(table.name), table.subject, hazards: hazards)
        }
    }

    /// `ALTER TABLE … RENAME`, and the identity sequences along with their table.
    mutating func renameTables() {
        for (from, to) in renames.tables.sorted(by: { $0.key < $1.key }) {
            guard let table = new.table(named: to) else { continue }
            add(.alter, .renameTable(from: from, to: to), table.subject)
            for column in table.columns where column.identity != nil {
                let oldColumn = renames.columns[to]?.first { $0.value == column.name }?.key ?? column.name
                add(.alter, .renameSequence(from: ObjectName.sequence(from, oldColumn), to: ObjectName.sequence(to, column.name)), table.subject)
            }
        }
    }
}

/// Topological order of tables by foreign keys, ties broken by name, so the
/// order is deterministic. Keys into tables outside the set, and self
/// references, impose no order; a cycle is broken at its smallest name.
enum ForeignKeyOrder {
    static func sorted(_ tables: [Table]) -> [Table] {
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        var waitingOn: [String: Int] = [:]
        var dependents: [String: [String]] = [:]
        for table in tables {
            let targets = Set(table.foreignKeys.map(\.referencedTable)).filter { $0 != table.name && byName[$0] != nil }
            waitingOn[table.name] = targets.count
            for target in targets { dependents[target, default: []].append(table.name) }
        }
        var ready = SortedNames(tables.map(\.name).filter { waitingOn[$0] == 0 })
        var pending = Set(tables.map(\.name))
        var result: [Table] = []
        while !pending.isEmpty {
            // With nothing ready, a cycle remains: start it at its smallest name.
            let name = ready.popFirst() ?? pending.min()!
            guard pending.remove(name) != nil else { continue }
            result.append(byName[name]!)
            for dependent in dependents[name] ?? [] where pending.contains(dependent) {
                waitingOn[dependent, default: 0] -= 1
                if waitingOn[dependent] == 0 { ready.insert(dependent) }
            }
        }
        return result
    }
}

/// A min-heap of names: the next ready table by name in O(log n).
struct SortedNames {
    private var heap: [String] = []

    init(_ names: [String]) { for name in names { insert(name) } }

    mutating func insert(_ name: String) {
        heap.append(name)
        var i = heap.count - 1
        while i > 0, heap[(i - 1) / 2] > heap[i] {
            heap.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func popFirst() -> String? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < heap.count && heap[l] < heap[smallest] { smallest = l }
            if r < heap.count && heap[r] < heap[smallest] { smallest = r }
            if smallest == i { break }
            heap.swapAt(i, smallest)
            i = smallest
        }
        return first
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
