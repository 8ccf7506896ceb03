/// Seeded synthetic warehouses: dimensions (mostly SCD2, some with closure
/// hierarchies), facts over them, and the odd plain table.
extension WarehouseModel {
    /// About 40% dimensions, one plain table from five tables up, the rest facts
    /// with 2–5 dimension references each; 8–15 columns per table.
    public static func generate(tables: Int, seed: UInt64) -> WarehouseModel {
        var rng = SplitMix64(seed: seed)
        var model = WarehouseModel()
        for _ in 0..<rng.int(in: 1...2) { model.enums.append(model.makeEnum(&rng)) }
        let dimensions = max(1, Int((Double(tables) * 0.4).rounded()))
        let plain = tables >= 5 ? max(1, tables / 20) : 0
        for _ in 0..<dimensions { model.tables.append(model.makeDimension(&rng)) }
        for _ in 0..<plain { model.tables.append(model.makePlainTable(&rng)) }
        let dimensionNames = model.tables.filter { $0.kind == .dimension }.map(\.name)
        for _ in 0..<max(0, tables - dimensions - plain) { model.tables.append(model.makeFact(&rng, over: dimensionNames)) }
        model.synchronize()
        return model
    }

    mutating func makeEnum(_ rng: inout SplitMix64) -> EnumSpec {
        let name = names.fresh(from: Words.enums, &rng)
        let values = (0..<rng.int(in: 3...5)).map { _ in names.fresh(from: Words.labels, &rng) }
        return EnumSpec(name: name, values: values)
    }

    mutating func makeDimension(_ rng: inout SplitMix64) -> TableSpec {
        var table = TableSpec(name: names.fresh(from: Words.dimensions, &rng), kind: .dimension)
        table.history = rng.chance(0.7) ? .scd2 : .scd1
        table.noOverlap = table.history == .scd2 && rng.chance(0.2)
        table.hierarchy = rng.chance(0.35)
        var code = ColumnSpec(name: names.fresh("code"), type: rng.chance(0.8) ? .varchar(rng.int(in: 10...40)) : .integer)
        code.comment = rng.chance(0.3) ? rng.pick(Words.comments) : nil
        table.columns = [code]
        table.key = [code.name]
        if rng.chance(0.2) {
            let second = ColumnSpec(name: names.fresh("variant"), type: .varchar(rng.int(in: 10...20)))
            table.columns.append(second)
            table.key.append(second.name)
        }
        let total = rng.int(in: 8...15) - 3 - (table.history == .scd2 ? 3 : 0) - (table.hierarchy ? 1 : 0)
        while table.columns.count < max(2, total) { table.columns.append(makeColumn(&rng, in: table)) }
        decorate(&table, &rng)
        return table
    }

    /// A fact over some of `dimensions` (names of dimensions in the model).
    mutating func makeFact(_ rng: inout SplitMix64, over dimensions: [String]) -> TableSpec {
        var table = TableSpec(name: names.fresh(from: Words.facts, &rng), kind: .fact)
        for _ in 0..<rng.int(in: 2...5) where !dimensions.isEmpty {
            let dimension = rng.pick(dimensions)
            let taken = table.references.contains { $0.dimension == dimension && $0.role == nil }
            let role = taken || rng.chance(0.25) ? names.fresh(from: Words.roles, &rng) : nil
            table.references.append(DimensionReference(dimension: dimension, role: role))
        }
        let day = ColumnSpec(name: names.fresh(from: Words.columns(for: .date), &rng), type: .date)
        table.columns = [day]
        table.grain = table.references.prefix(rng.int(in: 1...2)).map(\.grainName) + [day.name]
        let total = rng.int(in: 8...15) - 2 - table.references.count
        for _ in 0..<rng.int(in: 1...3) { table.columns.append(makeMeasure(&rng)) }
        while table.columns.count < max(3, total) { table.columns.append(makeColumn(&rng, in: table)) }
        decorate(&table, &rng)
        return table
    }

    mutating func makePlainTable(_ rng: inout SplitMix64) -> TableSpec {
        var table = TableSpec(name: names.fresh(from: Words.tables, &rng), kind: .table)
        var id = ColumnSpec(name: names.fresh("ident"), type: rng.chance(0.5) ? .integer : .bigint)
        id.primaryKey = true
        id.identity = rng.chance(0.7) ? "always" : "by default"
        table.columns = [id]
        let targets = tables.filter { $0.kind != .fact }.map(\.name)
        for _ in 0..<rng.int(in: 0...2) where !targets.isEmpty {
            table.columns.append(makeReference(to: rng.pick(targets), &rng, nullable: rng.chance(0.6)))
        }
        let total = rng.int(in: 8...12)
        while table.columns.count < total { table.columns.append(makeColumn(&rng, in: table)) }
        decorate(&table, &rng)
        return table
    }

    /// Indexes, checks and a comment on a new table.
    private mutating func decorate(_ table: inout TableSpec, _ rng: inout SplitMix64) {
        for _ in 0..<rng.int(in: 0...2) {
            if let index = makeIndex(for: table, &rng) { table.indexes.append(index) }
        }
        for _ in 0..<rng.int(in: 0...1) {
            if let check = makeTableCheck(for: table, &rng) { table.checks.append(check) }
        }
        table.comment = rng.chance(0.5) ? rng.pick(Words.comments) : nil
    }

    /// A random ordinary column: any type, sometimes nullable, with a default, unique, checked or commented.
    mutating func makeColumn(_ rng: inout SplitMix64, in table: TableSpec) -> ColumnSpec {
        let type = randomType(&rng)
        var column = ColumnSpec(name: names.fresh(from: Words.columns(for: type), &rng), type: type)
        column.nullable = rng.chance(0.35)
        if rng.chance(0.3) { column.defaultValue = randomDefault(for: type, &rng) }
        if rng.chance(0.08), canBeUnique(column) { column.unique = true }
        if rng.chance(0.12) { column.check = checkRule(for: type, &rng) }
        if rng.chance(0.2) { column.comment = rng.pick(Words.comments) }
        if rng.chance(0.05), type != .jsonb { column.indexed = true }
        return column
    }

    mutating func makeMeasure(_ rng: inout SplitMix64) -> ColumnSpec {
        let type: SynthType = rng.chance(0.6) ? .numeric(rng.int(in: 12...19), rng.int(in: 2...4)) : .integer
        var column = ColumnSpec(name: names.fresh(from: Words.columns(for: type), &rng), type: type)
        column.isMeasure = true
        column.nullable = rng.chance(0.3)
        if rng.chance(0.4) { column.defaultValue = .literal(rng.pick(["0", "1"])) }
        if rng.chance(0.2) { column.check = .nonNegative }
        return column
    }

    /// A `references` column; its type comes from the referenced key.
    mutating func makeReference(to target: String, _ rng: inout SplitMix64, nullable: Bool) -> ColumnSpec {
        var column = ColumnSpec(name: names.fresh(target + "_key"), type: keyType(of: target) ?? .bigint)
        column.references = target
        column.nullable = nullable
        let actions = nullable ? [nil, "restrict", "cascade", "set null", "no action"] : [nil, "restrict", "cascade", "no action"]
        column.onDelete = rng.pick(actions)
        return column
    }

    func randomType(_ rng: inout SplitMix64) -> SynthType {
        var choices: [SynthType] = [
            .varchar(rng.int(in: 10...120)), .varchar(rng.int(in: 10...60)), .text, .integer, .integer, .bigint,
            .numeric(rng.int(in: 8...18), rng.int(in: 0...4)), .boolean, .date, .timestamptz, .uuid, .jsonb,
        ]
        if let type = rng.maybePick(enums) { choices.append(.enumeration(type.name)) }
        return rng.pick(choices)
    }

    func randomDefault(for type: SynthType, _ rng: inout SplitMix64) -> SynthDefault {
        switch type {
        case .varchar, .text: .literal(rng.pick(Words.textDefaults))
        case .integer, .bigint: .literal(rng.pick(["0", "1", "42"]))
        case .numeric: .literal(rng.pick(["0", "1.5", "100"]))
        case .boolean: .literal(rng.pick(["true", "false"]))
        case .date: rng.chance(0.5) ? .sql("current_date") : .literal("2020-01-01")
        case .timestamptz: .sql(rng.pick(["now()", "clock_timestamp()"]))
        case .uuid: .sql("gen_random_uuid()")
        case .jsonb: rng.chance(0.5) ? .literal("{}") : .sql("'[]'::jsonb")
        case let .enumeration(name): .literal(rng.pick(enums.first { $0.name == name }?.values ?? ["?"]))
        }
    }

    func canBeUnique(_ column: ColumnSpec) -> Bool {
        switch column.type {
        case .varchar, .text, .integer, .bigint, .uuid, .date: !column.primaryKey && !column.isMeasure
        default: false
        }
    }

    /// A btree index over one or two columns (some descending, some partial or
    /// covering, a few unique), `lower()` of a string, or GIN over jsonb.
    mutating func makeIndex(for table: TableSpec, _ rng: inout SplitMix64) -> IndexSpec? {
        let columns = table.indexableColumns
        var index = IndexSpec()
        let strings = columns.filter(\.type.isString)
        let documents = columns.filter { $0.type == .jsonb }
        let roll = rng.int(in: 0...9)
        if roll == 0, let column = rng.maybePick(strings) {
            index.lowerOf = column.name
        } else if roll == 1, let column = rng.maybePick(documents) {
            index.columns = [IndexColumn(name: column.name)]
            index.gin = true
        } else {
            let plain = columns.filter { $0.type != .jsonb }
            guard !plain.isEmpty else { return nil }
            index.columns = rng.sample(plain, count: rng.int(in: 1...2)).map { IndexColumn(name: $0.name, descending: rng.chance(0.3)) }
            index.unique = rng.chance(0.15)
            let rest = plain.filter { column in !index.columns.contains { $0.name == column.name } }
            if rng.chance(0.2), let extra = rng.maybePick(rest) { index.include = [extra.name] }
        }
        if rng.chance(0.2) { index.predicate = makePredicate(for: table, &rng) }
        if rng.chance(0.15) { index.name = names.fresh(from: Words.indexNames, &rng) }
        guard table.admits(index) else { return nil }
        return index
    }

    mutating func makeTableCheck(for table: TableSpec, _ rng: inout SplitMix64) -> CheckSpec? {
        let candidates = table.columns.compactMap { column in checkRule(for: column.type, &rng).map { (column.name, $0) } }
        guard let (column, rule) = rng.maybePick(candidates) else { return nil }
        return CheckSpec(name: names.fresh(from: Words.checks, &rng), column: column, rule: rule)
    }

    /// A CHECK that suits a column of `type`, if one does.
    func checkRule(for type: SynthType, _ rng: inout SplitMix64) -> CheckRule? {
        if type.isNumber { return .nonNegative }
        if type.isString { return .notEmpty }
        if type == .date { return .recentDate }
        if case let .enumeration(name) = type, let label = rng.maybePick(enums.first { $0.name == name }?.values ?? []) {
            return .notLabel(label)
        }
        return nil
    }

    /// A partial-index predicate on one of the table's columns.
    func makePredicate(for table: TableSpec, _ rng: inout SplitMix64) -> IndexPredicate? {
        let candidates: [IndexPredicate] = table.indexableColumns.compactMap { column in
            switch column.type {
            case .boolean: return IndexPredicate(column: column.name, rule: .isTrue)
            case .integer, .bigint, .numeric: return IndexPredicate(column: column.name, rule: .positive)
            case let .enumeration(name):
                return rng.maybePick(enums.first { $0.name == name }?.values ?? []).map { IndexPredicate(column: column.name, rule: .label($0)) }
            default: return column.nullable ? IndexPredicate(column: column.name, rule: .notNull) : nil
            }
        }
        return rng.maybePick(candidates)
    }

    /// Keeps derived facts consistent after a change: a `references` column has
    /// its key's type, and nothing mentions a column that is gone. Writes only
    /// what differs, so that thousands of unchanged tables cost little.
    mutating func synchronize() {
        var keyTypes: [String: SynthType] = [:]
        for t in tables.indices {
            keyTypes[tables[t].name] = tables[t].kind == .table ? tables[t].columns.first(where: \.primaryKey)?.type : .bigint
        }
        for t in tables.indices {
            for c in tables[t].columns.indices {
                guard let target = tables[t].columns[c].references else { continue }
                if let type = keyTypes[target] ?? nil {
                    if tables[t].columns[c].type != type { tables[t].columns[c].type = type }
                } else {
                    tables[t].columns[c].references = nil
                    tables[t].columns[c].onDelete = nil
                }
            }
            guard !tables[t].indexes.isEmpty || !tables[t].checks.isEmpty else { continue }
            let table = t
            func present(_ name: String) -> Bool {
                (name == "created_at" && tables[table].kind != .table) || tables[table].columns.contains { $0.name == name }
            }
            if !tables[t].indexes.allSatisfy({ $0.mentioned.allSatisfy(present) }) {
                let kept = tables[t].indexes.filter { $0.mentioned.allSatisfy(present) }
                tables[t].indexes = kept
            }
            if !tables[t].checks.allSatisfy({ present($0.column) }) {
                let kept = tables[t].checks.filter { present($0.column) }
                tables[t].checks = kept
            }
        }
    }
}
