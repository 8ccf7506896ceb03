/// Indexes, unique and check constraints, foreign keys.
extension WarehouseModel {
    mutating func addIndex(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { _ in true }) else { return nil }
        for _ in 0..<4 {
            guard let index = makeIndex(for: tables[t], &rng) else { continue }
            tables[t].indexes.append(index)
            return Change(.addIndex, table: tables[t].name, "index \(index.relationName)")
        }
        return nil
    }

    mutating func dropIndex(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        // An index schemac would derive anyway (on a foreign key, say) would come straight back: not a change.
        func droppable(_ table: TableSpec) -> [Int] {
            let derived = table.derivedRelationNames
            return table.indexes.indices.filter { !derived.contains(table.indexes[$0].relationName) }
        }
        guard let t = pickTable(&rng, target, where: { !droppable($0).isEmpty }) else { return nil }
        let index = tables[t].indexes.remove(at: rng.pick(droppable(tables[t])))
        return Change(.dropIndex, table: tables[t].name, "index \(index.relationName)")
    }

    /// Same name, another definition: a key's direction, the predicate, the covering columns or uniqueness.
    mutating func changeIndex(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { !$0.indexes.isEmpty }) else { return nil }
        let i = rng.int(in: 0...(tables[t].indexes.count - 1))
        var index = tables[t].indexes[i]
        var options = ["where"]
        if !index.gin && index.lowerOf == nil { options += ["direction", "include"] }
        if !index.gin { options.append("unique") }
        switch rng.pick(options) {
        case "direction":
            let k = rng.int(in: 0...(index.columns.count - 1))
            index.columns[k].descending.toggle()
        case "include":
            let rest = tables[t].indexableColumns.filter { c in c.type != .jsonb && !index.columns.contains { $0.name == c.name } }
            index.include = index.include.isEmpty ? rng.maybePick(rest).map { [$0.name] } ?? [] : []
        case "unique":
            index.unique.toggle()
        default:
            index.predicate = index.predicate == nil ? makePredicate(for: tables[t], &rng) : nil
        }
        guard index != tables[t].indexes[i], tables[t].admits(index, replacing: i) else { return nil }
        tables[t].indexes[i] = index
        return Change(.changeIndex, table: tables[t].name, "index \(index.relationName)")
    }

    mutating func toggleUnique(_ kind: ChangeKind, _ rng: inout SplitMix64, _ target: String?) -> Change? {
        let adding = kind == .addUnique
        guard let (t, c) = pickColumn(&rng, target, tables: { !adding || !populatedTables.contains($0.name) }, where: { table, column in
            adding
                ? !column.unique && canBeUnique(column) && !table.structuralColumns.contains(column.name)
                    && !table.indexes.contains { $0.relationName == "uq:" + column.name }
                : column.unique
        }) else { return nil }
        tables[t].columns[c].unique = adding
        return Change(kind, table: tables[t].name, "\(tables[t].columns[c].name)")
    }

    /// A column's own check, or a named table check.
    mutating func addCheck(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        if rng.chance(0.5), let (t, c) = pickColumn(&rng, target, where: { _, column in
            var probe = SplitMix64(seed: 0)
            return column.check == nil && checkRule(for: column.type, &probe) != nil
        }) {
            tables[t].columns[c].check = checkRule(for: tables[t].columns[c].type, &rng)
            return Change(.addCheck, table: tables[t].name, "check on \(tables[t].columns[c].name)")
        }
        guard let t = pickTable(&rng, target, where: { _ in true }), let check = makeTableCheck(for: tables[t], &rng) else { return nil }
        tables[t].checks.append(check)
        return Change(.addCheck, table: tables[t].name, "check \(check.name) on \(check.column)")
    }

    mutating func dropCheck(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        if rng.chance(0.5), let t = pickTable(&rng, target, where: { !$0.checks.isEmpty }) {
            let check = tables[t].checks.remove(at: rng.int(in: 0...(tables[t].checks.count - 1)))
            return Change(.dropCheck, table: tables[t].name, "check \(check.name)")
        }
        guard let (t, c) = pickColumn(&rng, target, where: { $1.check != nil }) else { return nil }
        tables[t].columns[c].check = nil
        return Change(.dropCheck, table: tables[t].name, "check on \(tables[t].columns[c].name)")
    }

    /// `references` on an existing bigint column without one, or on a new nullable column.
    mutating func addForeignKey(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { _ in true }) else { return nil }
        let source = tables[t].name
        guard let referenced = rng.maybePick(tables.map(\.name).filter { $0 != source }), let keyType = keyType(of: referenced) else { return nil }
        let existing = tables[t].columns.indices.filter { c in
            let column = tables[t].columns[c]
            return column.references == nil && column.type == keyType && !column.primaryKey && column.identity == nil
                && column.defaultValue == nil && !column.unique && !tables[t].structuralColumns.contains(column.name)
        }
        if rng.chance(0.5), let c = rng.maybePick(existing), !populatedTables.contains(source) {
            tables[t].columns[c].references = referenced
            tables[t].columns[c].onDelete = rng.pick(tables[t].columns[c].nullable ? [nil, "cascade", "set null"] : [nil, "restrict"])
            return Change(.addForeignKey, table: source, "\(tables[t].columns[c].name) → \(referenced)")
        }
        let column = makeReference(to: referenced, &rng, nullable: true)
        tables[t].columns.append(column)
        return Change(.addForeignKey, table: source, "new column \(column.name) → \(referenced)")
    }

    /// The column stays, with the key's type, but no longer references anything.
    mutating func dropForeignKey(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let (t, c) = pickColumn(&rng, target, where: { $1.references != nil }) else { return nil }
        let old = tables[t].columns[c].references ?? ""
        tables[t].columns[c].references = nil
        tables[t].columns[c].onDelete = nil
        return Change(.dropForeignKey, table: tables[t].name, "\(tables[t].columns[c].name) no longer → \(old)")
    }
}
