/// Columns: added, dropped, renamed, retyped, made (not) nullable, given other defaults.
extension WarehouseModel {
    /// Nullable, or NOT NULL with a default: both work on a table with rows.
    mutating func addColumn(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let t = pickTable(&rng, target, where: { _ in true }) else { return nil }
        var column = makeColumn(&rng, in: tables[t])
        if !column.nullable && column.defaultValue == nil { column.defaultValue = randomDefault(for: column.type, &rng) }
        if populatedTables.contains(tables[t].name) { column.unique = false }
        tables[t].columns.append(column)
        let what = column.nullable ? "nullable" : "NOT NULL with a default"
        return Change(.addColumn, table: tables[t].name, "\(column.name) \(column.type.canonical) \(what)")
    }

    /// A column no key, grain or primary key needs; its indexes and checks go with it.
    mutating func dropColumn(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let (t, c) = pickColumn(&rng, target, where: { table, column in
            !column.isMeasure && !table.structuralColumns.contains(column.name) && table.columns.count > 2
        }) else { return nil }
        let column = tables[t].columns.remove(at: c)
        return Change(.dropColumn, table: tables[t].name, "drops \(column.name)", destructive: true)
    }

    /// `renamed_from`; the key, grain, indexes and checks follow.
    mutating func renameColumn(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let (t, c) = pickColumn(&rng, target, where: { _, _ in true }) else { return nil }
        let old = tables[t].columns[c].name
        let new = names.fresh(from: Words.columns(for: tables[t].columns[c].type), &rng)
        tables[t].columns[c].name = new
        tables[t].columns[c].renamedFrom = old
        tables[t].columns[c].hintTTL = rng.int(in: 1...2)
        func follow(_ name: String) -> String { name == old ? new : name }
        tables[t].key = tables[t].key.map(follow)
        tables[t].grain = tables[t].grain.map(follow)
        for i in tables[t].indexes.indices {
            tables[t].indexes[i].columns = tables[t].indexes[i].columns.map { IndexColumn(name: follow($0.name), descending: $0.descending) }
            tables[t].indexes[i].lowerOf = tables[t].indexes[i].lowerOf.map(follow)
            if let column = tables[t].indexes[i].predicate?.column { tables[t].indexes[i].predicate?.column = follow(column) }
            tables[t].indexes[i].include = tables[t].indexes[i].include.map(follow)
        }
        for i in tables[t].checks.indices { tables[t].checks[i].column = follow(tables[t].checks[i].column) }
        return Change(.renameColumn, table: tables[t].name, "\(old) → \(new)")
    }

    /// Widenings that keep every value: varchar(n) → varchar(m > n), varchar → text, integer → bigint.
    mutating func changeType(_ kind: ChangeKind, _ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let (t, c) = pickColumn(&rng, target, where: { _, column in
            guard column.references == nil else { return false }
            switch (kind, column.type) {
            case (.widenVarchar, .varchar), (.varcharToText, .varchar), (.integerToBigint, .integer): return true
            default: return false
            }
        }) else { return nil }
        let before = tables[t].columns[c].type
        switch before {
        case let .varchar(n) where kind == .widenVarchar: tables[t].columns[c].type = .varchar(n + rng.int(in: 1...200))
        case .varchar: tables[t].columns[c].type = .text
        default: tables[t].columns[c].type = .bigint
        }
        let column = tables[t].columns[c]
        return Change(kind, table: tables[t].name, "\(column.name) \(before.canonical) → \(column.type.canonical)")
    }

    mutating func changeNullability(_ kind: ChangeKind, _ rng: inout SplitMix64, _ target: String?) -> Change? {
        let makeNotNull = kind == .setNotNull
        guard let (t, c) = pickColumn(&rng, target, where: { table, column in
            guard column.nullable != !makeNotNull, !table.structuralColumns.contains(column.name) else { return false }
            return !(makeNotNull && column.onDelete == "set null")
        }) else { return nil }
        tables[t].columns[c].nullable = !makeNotNull
        return Change(kind, table: tables[t].name, "\(tables[t].columns[c].name) \(makeNotNull ? "NOT NULL" : "nullable")")
    }

    /// Adds, changes or removes a default (never on keys, identities or foreign keys).
    mutating func changeDefault(_ rng: inout SplitMix64, _ target: String?) -> Change? {
        guard let (t, c) = pickColumn(&rng, target, where: { _, column in
            !column.primaryKey && column.identity == nil && column.references == nil
        }) else { return nil }
        let column = tables[t].columns[c]
        var next = column.defaultValue == nil || rng.chance(0.7) ? randomDefault(for: column.type, &rng) : nil
        for _ in 0..<5 where next == column.defaultValue { next = randomDefault(for: column.type, &rng) }
        guard next != column.defaultValue else { return nil }
        tables[t].columns[c].defaultValue = next
        return Change(.changeDefault, table: tables[t].name, "\(column.name) default \(next.map { "\($0)" } ?? "removed")")
    }
}
