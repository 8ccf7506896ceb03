/// Whole tables: added, dropped, renamed.
extension WarehouseModel {
    mutating func addDimension(_ rng: inout SplitMix64) -> Change? {
        let table = makeDimension(&rng)
        tables.append(table)
        return Change(.addDimension, table: table.name, "\(table.history.rawValue)\(table.hierarchy ? " with hierarchy" : "")")
    }

    mutating func addFact(_ rng: inout SplitMix64) -> Change? {
        let dimensions = tables.filter { $0.kind == .dimension }.map(\.name)
        guard !dimensions.isEmpty else { return nil }
        let table = makeFact(&rng, over: dimensions)
        tables.append(table)
        return Change(.addFact, table: table.name, "over \(table.references.map(\.dimension).joined(separator: ", "))")
    }

    mutating func addPlainTable(_ rng: inout SplitMix64) -> Change? {
        let table = makePlainTable(&rng)
        tables.append(table)
        return Change(.addTable, table: table.name, "\(table.columns.count) columns")
    }

    /// Only a table nothing points at.
    mutating func dropTable(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        let referenced = referencedTables()
        guard tables.count > 2, let t = pickTable(&rng, target, where: { !referenced.contains($0.name) }) else { return nil }
        let table = tables.remove(at: t)
        populatedTables.remove(table.name)
        return Change(.dropTable, table: table.name, "drops \(table.physicalName)", destructive: true)
    }

    /// `renamed_from`; everything that names the table follows.
    mutating func renameTable(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { _ in true }) else { return nil }
        let old = tables[t].name
        let words: [String] = switch tables[t].kind {
        case .dimension: Words.dimensions
        case .fact: Words.facts
        case .table: Words.tables
        }
        let new = names.fresh(from: words, &rng)
        tables[t].name = new
        tables[t].renamedFrom = old
        tables[t].hintTTL = rng.int(in: 1...2)
        for i in tables.indices {
            for r in tables[i].references.indices where tables[i].references[r].dimension == old {
                if tables[i].references[r].role == nil, let g = tables[i].grain.firstIndex(of: old) { tables[i].grain[g] = new }
                tables[i].references[r].dimension = new
            }
            for c in tables[i].columns.indices where tables[i].columns[c].references == old {
                tables[i].columns[c].references = new
            }
        }
        if populatedTables.remove(old) != nil { populatedTables.insert(new) }
        return Change(.renameTable, table: new, "renamed from \(old)")
    }

    /// A table's comment or a column's: set, changed or removed.
    mutating func changeComment(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { _ in true }) else { return nil }
        func next(_ current: String?) -> String? {
            if current != nil, rng.chance(0.3) { return nil }
            return rng.pick(Words.comments.filter { $0 != current })
        }
        if rng.chance(0.5) || tables[t].columns.isEmpty {
            tables[t].comment = next(tables[t].comment)
            return Change(.changeComment, table: tables[t].name, "table comment \(tables[t].comment.map { "'\($0)'" } ?? "removed")")
        }
        let c = rng.int(in: 0...(tables[t].columns.count - 1))
        tables[t].columns[c].comment = next(tables[t].columns[c].comment)
        let column = tables[t].columns[c]
        return Change(.changeComment, table: tables[t].name, "comment of \(column.name) \(column.comment.map { "'\($0)'" } ?? "removed")")
    }
}
