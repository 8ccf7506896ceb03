/// What makes it a warehouse: enums, history, hierarchies, measures, dimension references, extensions.
extension WarehouseModel {
    /// A new label at the end or somewhere in the middle.
    mutating func addEnumValue(_ rng: inout SplitMix64) -> Change? {
        guard let e = rng.maybePick(Array(enums.indices)) else { return nil }
        let label = names.fresh(from: Words.labels, &rng)
        let position = rng.chance(0.5) ? enums[e].values.count : rng.int(in: 0...enums[e].values.count)
        enums[e].values.insert(label, at: position)
        let place = position == enums[e].values.count - 1 ? "at the end" : "at position \(position + 1)"
        return Change(.addEnumValue, table: nil, "\(enums[e].name) gets '\(label)' \(place)")
    }

    /// scd1 → scd2 (sometimes with no_overlap) and back.
    mutating func changeHistory(_ kind: ChangeKind, _ rng: inout SplitMix64, _ target: String?) -> Change? {
        let from: History = kind == .scd1ToScd2 ? .scd1 : .scd2
        guard let t = pickTable(&rng, target, where: { table in
            guard table.kind == .dimension && table.history == from && !table.key.isEmpty else { return false }
            var changed = table
            changed.history = from == .scd1 ? .scd2 : .scd1
            return changed.indexes.allSatisfy { !changed.derivedRelationNames.contains($0.relationName) }
        }) else { return nil }
        if kind == .scd1ToScd2 {
            tables[t].history = .scd2
            tables[t].noOverlap = rng.chance(0.25)
        } else {
            tables[t].history = .scd1
            tables[t].noOverlap = false
        }
        let detail = tables[t].noOverlap ? "scd2 with no_overlap" : tables[t].history.rawValue
        return Change(kind, table: tables[t].name, detail, destructive: kind == .scd2ToScd1)
    }

    mutating func toggleHierarchy(_ kind: ChangeKind, _ rng: inout SplitMix64, _ target: String?) -> Change? {
        let adding = kind == .addHierarchy
        guard let t = pickTable(&rng, target, where: { $0.kind == .dimension && $0.hierarchy != adding }) else { return nil }
        tables[t].hierarchy = adding
        return Change(kind, table: tables[t].name, adding ? "closure table \(tables[t].closureTable ?? "")" : "drops parent_id and the closure table",
                      destructive: !adding)
    }

    mutating func addMeasure(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { $0.kind == .fact }) else { return nil }
        var measure = makeMeasure(&rng)
        if !measure.nullable && measure.defaultValue == nil { measure.defaultValue = .literal("0") }
        tables[t].columns.append(measure)
        return Change(.addMeasure, table: tables[t].name, "\(measure.name) \(measure.type.canonical)")
    }

    mutating func removeMeasure(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let (t, c) = pickColumn(&rng, target, where: { table, column in
            column.isMeasure && !table.structuralColumns.contains(column.name)
        }) else { return nil }
        let measure = tables[t].columns.remove(at: c)
        return Change(.removeMeasure, table: tables[t].name, measure.name, destructive: true)
    }

    /// A new NOT NULL `<dimension>_id` column: only on a fact known to be empty.
    mutating func addDimensionReference(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { $0.kind == .fact && !populatedTables.contains($0.name) }),
              let dimension = rng.maybePick(tables.filter { $0.kind == .dimension }.map(\.name)) else { return nil }
        let taken = tables[t].references.contains { $0.dimension == dimension && $0.role == nil }
        let role = taken || rng.chance(0.3) ? names.fresh(from: Words.roles, &rng) : nil
        let reference = DimensionReference(dimension: dimension, role: role)
        tables[t].references.append(reference)
        let inGrain = rng.chance(0.3)
        if inGrain { tables[t].grain.insert(reference.grainName, at: 0) }
        return Change(.addDimensionReference, table: tables[t].name, "\(reference.column) → \(dimension)\(inGrain ? ", in the grain" : "")",
                      destructive: true)
    }

    /// One reference goes (and leaves the grain, which keeps at least two entries).
    mutating func removeDimensionReference(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        func removable(_ table: TableSpec) -> [Int] {
            guard table.kind == .fact, table.references.count > 1 else { return [] }
            return table.references.indices.filter { !table.grain.contains(table.references[$0].grainName) || table.grain.count > 2 }
        }
        guard let t = pickTable(&rng, target, where: { !removable($0).isEmpty }) else { return nil }
        let reference = tables[t].references.remove(at: rng.pick(removable(tables[t])))
        tables[t].grain.removeAll { $0 == reference.grainName }
        return Change(.removeDimensionReference, table: tables[t].name, "\(reference.column) → \(reference.dimension)", destructive: true)
    }

    mutating func addExtension(_ rng: inout SplitMix64) -> Change? {
        // no_overlap already brings btree_gist.
        let present = extensions + (tables.contains(where: \.noOverlap) ? ["btree_gist"] : [])
        guard let name = rng.maybePick(Words.extensions.filter { !present.contains($0) }) else { return nil }
        extensions.append(name)
        return Change(.addExtension, table: nil, name)
    }
}
