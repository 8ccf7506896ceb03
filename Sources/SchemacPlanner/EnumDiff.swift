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
            if previous.values.isSubsequence(of: type.values) {
                addValues(to: type, existing: previous.values)
            } else {
                recreate(type, from: previous)
            }
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
    /// column using it is converted through text.
    private mutating func recreate(_ type: EnumType, from previous: EnumType) {
        let usages = old.tables.flatMap { table in
            table.columns.filter { $0.type.enumName == type.name }.map { EnumUsage(table: table.name, column: $0) }
        }
        let removed = previous.values.filter { !type.values.contains($0) }
        var hazards = usages.map { Hazard(.rewritesTable, "converts \($0.table).\($0.column.name) to the new \(type.name): rewrites the table") }
        if !removed.isEmpty {
            hazards.insert(Hazard(.deletesData, "removes \(removed.joined(separator: ", ")) from enum \(type.name): fails if a row still uses them"), at: 0)
        }
        add(.alter, .recreateEnum(type, usages: usages), "enum \(type.name)", hazards: hazards)
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
