import SchemacIR

/// Enum types: new ones, new values, and types whose values were removed or reordered.
extension PlanBuilder {
    mutating func diffEnums() {
        let oldEnums = Dictionary(uniqueKeysWithValues: old.enums.map { ($0.name, $0) })
        for type in new.enums {
            guard let previous = oldEnums[type.name] else {
                add(.prepare, .createEnum(type), "enum \(type.name)")
                continue
            }
            guard previous.values != type.values else { continue }
            if previous.values.isSubsequence(of: type.values) { addValues(to: type, existing: previous.values) }
        }
    }

    /// Enums whose values were removed or reordered. Runs after the removal
    /// pass (dropped and changed columns, checks and indexes are gone) and
    /// before the addition pass, so it sees the tables as renamed.
    mutating func recreateEnums(oldTables: [String: Table], newTables: [String: Table]) {
        let oldEnums = Dictionary(uniqueKeysWithValues: old.enums.map { ($0.name, $0) })
        for type in new.enums {
            guard let previous = oldEnums[type.name], previous.values != type.values,
                  !previous.values.isSubsequence(of: type.values) else { continue }
            recreate(type, from: previous, oldTables: oldTables, newTables: newTables)
        }
    }

    /// `ADD VALUE` keeps existing rows; PostgreSQL needs it committed before use,
    /// which the prepare phase's closing COMMIT provides.
    private mutating func addValues(to type: EnumType, existing: [String]) {
        var present = Set(existing)
        for (i, value) in type.values.enumerated() where !present.contains(value) {
            let after = i > 0 ? type.values[i - 1] : nil
            let before = after == nil ? existing.first : nil
            add(.prepare, .addEnumValue(enumName: type.name, value: value, before: before, after: after), "enum \(type.name)")
            present.insert(value)
        }
    }

    /// Values removed or reordered: a new type replaces the old one and every
    /// column using it is converted through text. Checks and partial or
    /// expression indexes that mention such a column compare it with labels of
    /// the old type: they are dropped around the conversion and rebuilt.
    private mutating func recreate(_ type: EnumType, from previous: EnumType, oldTables: [String: Table], newTables: [String: Table]) {
        var usages: [EnumUsage] = []
        var dependents: [(Table, Constraint?, Index?)] = []
        for table in oldTables.values.sorted(by: { $0.name < $1.name }) {
            guard let current = newTables[table.name] else { continue }
            for var column in table.columns where column.type.enumName == type.name && current.column(named: column.name) != nil {
                // A default naming a removed label cannot be restored; the addition pass sets the new one.
                if case let .literal(label) = column.defaultValue, !type.values.contains(label) { column.defaultValue = nil }
                usages.append(EnumUsage(table: table.name, column: column))
                dependents += mentioning(column.name, in: table, unchangedIn: current)
            }
        }
        for (table, constraint, index) in dependents {
            if let constraint { add(.alter, .dropConstraint(table: table.name, name: constraint.name), table.subject) }
            if let index { add(.alter, .dropIndex(name: index.name, concurrently: false), table.subject) }
        }
        let removed = previous.values.filter { !type.values.contains($0) }
        var hazards = usages.map { Hazard(.rewritesTable, "converts \($0.table).\($0.column.name) to the new \(type.name): rewrites the table") }
        if !removed.isEmpty {
            hazards.insert(Hazard(.deletesData, "removes \(removed.joined(separator: ", ")) from enum \(type.name): fails if a row still uses them"), at: 0)
        }
        add(.alter, .recreateEnum(type, usages: usages), "enum \(type.name)", hazards: hazards)
        for (table, constraint, index) in dependents {
            if let constraint { add(.alter, .addConstraint(table: table.name, constraint, notValid: false), table.subject) }
            if let index { add(.alter, .createIndex(table: table.name, index, concurrently: false), table.subject) }
        }
    }

    /// Checks and partial/expression indexes of `table` whose SQL mentions
    /// `column` and that survive the migration unchanged.
    private func mentioning(_ column: String, in table: Table, unchangedIn current: Table) -> [(Table, Constraint?, Index?)] {
        var result: [(Table, Constraint?, Index?)] = []
        for check in table.checks where SQLText.mentions(check.expression, identifier: column) && current.checks.contains(check) {
            result.append((table, .check(check), nil))
        }
        for index in table.indexes where current.indexes.contains(index) {
            let expressions = index.keys.compactMap { key -> String? in if case let .expression(sql) = key.target { sql } else { nil } }
            if (expressions + [index.predicate].compactMap { $0 }).contains(where: { SQLText.mentions($0, identifier: column) }) {
                result.append((table, nil, index))
            }
        }
        return result
    }

    mutating func dropUnusedEnums() {
        let newEnums = Set(new.enums.map(\.name))
        for type in old.enums where !newEnums.contains(type.name) {
            add(.cleanup, .dropEnum(type.name), "enum \(type.name)")
        }
    }
}

extension Array where Element: Equatable {
    /// Whether every element of `self` appears in `other` in the same order.
    func isSubsequence(of other: [Element]) -> Bool {
        var i = startIndex
        for element in other where i < endIndex && self[i] == element { i += 1 }
        return i == endIndex
    }
}
