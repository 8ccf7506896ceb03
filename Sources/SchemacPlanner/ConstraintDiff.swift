import SchemacIR

/// Constraints and indexes of a table that exists before and after. Objects
/// are matched by name; one that only changed its name (it followed a table
/// or column rename) is renamed, anything else that changed is dropped and
/// created again.
extension PlanBuilder {
    /// Renames and drops: they run before the table's columns change.
    mutating func dropChangedConstraints(from before: Table, to after: Table) {
        let (constraints, indexes) = match(before, after)
        for (from, to) in constraints.renamed {
            add(.alter, .renameConstraint(table: after.name, from: from.name, to: to.name), after.subject)
        }
        for constraint in constraints.dropped {
            add(.alter, .dropConstraint(table: after.name, name: constraint.name), after.subject)
        }
        for (from, to) in indexes.renamed {
            add(.alter, .renameIndex(from: from.name, to: to.name), after.subject)
        }
        let swapped = swappable(indexes, before, after)
        for index in indexes.dropped where !swapped.contains(index.name) {
            add(.dropIndexes, .dropIndex(name: index.name, concurrently: true), after.subject, transactional: false)
        }
    }

    /// Changed indexes (same name, new definition) whose columns all stay: they
    /// can be rebuilt beside the old one instead of after dropping it.
    private func swappable(_ indexes: Matching<Index>, _ before: Table, _ after: Table) -> Set<String> {
        let added = Set(indexes.added.map(\.name))
        let kept = Set(after.columns.map(\.name))
        return Set(indexes.dropped.filter { index in
            added.contains(index.name) && index.keys.allSatisfy { key in
                if case let .column(name) = key.target { kept.contains(name) } else { true }
            } && index.include.allSatisfy(kept.contains)
        }.map(\.name))
    }

    /// Additions: they run once the table's columns are in place.
    mutating func addChangedConstraints(from before: Table, to after: Table) {
        let (constraints, indexes) = match(before, after)
        let swapped = swappable(indexes, before, after)
        for index in indexes.added {
            guard swapped.contains(index.name) else {
                createIndexConcurrently(index, on: after)
                continue
            }
            let temporary = ObjectName.shortened(index.name + "_schemac_new")
            createIndexConcurrently(index.renamed(temporary), on: after)
            add(.swapIndexes, .dropIndex(name: index.name, concurrently: true), after.subject, transactional: false)
            add(.swapIndexes, .renameIndex(from: temporary, to: index.name), after.subject)
        }
        for constraint in constraints.added { addConstraint(constraint, to: after) }
    }

    private func match(_ before: Table, _ after: Table) -> (Matching<Constraint>, Matching<Index>) {
        (
            Matching(old: before.constraints, new: after.constraints, name: \.name, unnamed: { $0.renamed("") }),
            Matching(old: before.indexes, new: after.indexes, name: \.name, unnamed: { $0.renamed("") })
        )
    }

    private mutating func createIndexConcurrently(_ index: Index, on table: Table) {
        add(.buildIndexes, .createIndex(table: table.name, index, concurrently: true), table.subject,
            hazards: [Hazard(.indexBuild, "builds index \(index.name) without blocking writes\(index.unique ? "; fails if existing rows hold duplicates" : ""); if it fails, drop the INVALID index it leaves and rerun")],
            transactional: false)
    }

    /// A constraint on a table that may have rows, added without a long lock where PostgreSQL allows it.
    private mutating func addConstraint(_ constraint: Constraint, to table: Table) {
        switch constraint {
        case .check, .foreignKey:
            add(.alter, .addConstraint(table: table.name, constraint, notValid: true), table.subject)
            add(.validate, .validateConstraint(table: table.name, name: constraint.name), table.subject,
                hazards: [Hazard(.validationScan, "validates \(constraint.name) on existing rows without blocking writes; fails if a row violates it")])
        case let .unique(unique):
            // Build the index concurrently, then attach it: the constraint itself takes only a moment.
            let index = Index(name: unique.name, unique: true, keys: unique.columns.map { .column($0) })
            createIndexConcurrently(index, on: table)
            add(.buildIndexes, .addConstraintUsingIndex(table: table.name, constraint), table.subject)
        case let .primaryKey(key):
            let index = Index(name: key.name, unique: true, keys: key.columns.map { .column($0) })
            createIndexConcurrently(index, on: table)
            add(.buildIndexes, .addConstraintUsingIndex(table: table.name, constraint), table.subject)
        case .exclusion:
            add(.alter, .addConstraint(table: table.name, constraint, notValid: false), table.subject,
                hazards: [Hazard(.longLock, "builds the index of \(constraint.name) under an ACCESS EXCLUSIVE lock (exclusion constraints cannot be built concurrently)")])
        }
    }
}

/// Pairs old and new objects of one kind by name, then by equal definition.
struct Matching<Object: Hashable> {
    var renamed: [(Object, Object)] = []
    var dropped: [Object] = []
    var added: [Object] = []

    init(old: [Object], new: [Object], name: (Object) -> String, unnamed: (Object) -> Object) {
        let newByName = Dictionary(new.map { (name($0), $0) }, uniquingKeysWith: { a, _ in a })
        let oldByName = Dictionary(old.map { (name($0), $0) }, uniquingKeysWith: { a, _ in a })
        var oldLeft = old.filter { newByName[name($0)] != $0 }
        var newLeft = new.filter { oldByName[name($0)] != $0 }
        // Same definition under another name, and the old name is free: a rename.
        for candidate in newLeft where oldByName[name(candidate)] == nil {
            if let i = oldLeft.firstIndex(where: { unnamed($0) == unnamed(candidate) && newByName[name($0)] == nil }) {
                renamed.append((oldLeft.remove(at: i), candidate))
                newLeft.removeAll { $0 == candidate }
            }
        }
        dropped = oldLeft
        added = newLeft
    }
}

extension Constraint {
    func renamed(_ name: String) -> Constraint {
        switch self {
        case var .primaryKey(c): c.name = name; return .primaryKey(c)
        case var .unique(c): c.name = name; return .unique(c)
        case var .check(c): c.name = name; return .check(c)
        case var .foreignKey(c): c.name = name; return .foreignKey(c)
        case var .exclusion(c): c.name = name; return .exclusion(c)
        }
    }
}

extension Index {
    func renamed(_ name: String) -> Index {
        var copy = self
        copy.name = name
        return copy
    }
}
