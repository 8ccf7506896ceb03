/// The kinds of change a random walk makes: together they cover what the DSL
/// can change about a warehouse.
public enum ChangeKind: String, Hashable, Sendable, CaseIterable {
    case addDimension, addFact, addTable, dropTable, renameTable
    case addColumn, dropColumn, renameColumn
    case widenVarchar, varcharToText, integerToBigint
    case setNotNull, dropNotNull, changeDefault, changeComment
    case addIndex, dropIndex, changeIndex
    case addUnique, dropUnique, addCheck, dropCheck
    case addForeignKey, dropForeignKey
    case addEnumValue
    case scd1ToScd2, scd2ToScd1, addHierarchy, removeHierarchy
    case addMeasure, removeMeasure
    case addDimensionReference, removeDimensionReference
    case addExtension
}

/// One change applied to a model.
public struct Change: Hashable, Sendable, CustomStringConvertible {
    public var kind: ChangeKind
    /// The logical name of the table changed (its new name after a rename), if one was.
    public var table: String?
    public var detail: String
    /// The migration loses data or fails on rows: `generate` needs `--allow-destructive`.
    public var requiresAllowDestructive: Bool

    public init(_ kind: ChangeKind, table: String?, _ detail: String, destructive: Bool = false) {
        self.kind = kind
        self.table = table
        self.detail = detail
        requiresAllowDestructive = destructive
    }

    public var description: String {
        "\(kind.rawValue)\(table.map { " [\($0)]" } ?? ""): \(detail)\(requiresAllowDestructive ? " (destructive)" : "")"
    }
}

extension WarehouseModel {
    /// Applies one random change of one of `kinds` (tried in random order until
    /// one applies). Rename hints of earlier steps are removed again one or two
    /// steps after their rename. When none of `kinds` applies, the change is a
    /// comment change (or a new table in an empty model).
    public mutating func mutate(using rng: inout SplitMix64, kinds: [ChangeKind] = ChangeKind.allCases) -> Change {
        expireRenameHints()
        for kind in rng.shuffled(kinds) {
            if let change = apply(kind, &rng, target: nil) { return finish(change) }
        }
        return finish(apply(.changeComment, &rng, target: nil) ?? apply(.addTable, &rng, target: nil)!)
    }

    /// The model with about `fraction` of its tables changed, one change each,
    /// the kinds taken in turns so that every kind occurs (with fewer tables
    /// than kinds, some tables get several): the benchmark's "change set".
    /// Deterministic in `seed`.
    public func changeSet(fraction: Double, seed: UInt64) -> WarehouseModel {
        var rng = SplitMix64(seed: seed)
        var model = self
        let count = min(tables.count, max(1, Int((Double(tables.count) * fraction).rounded())))
        let targets = rng.sample(tables.map(\.name), count: count)
        var kinds: [ChangeKind] = []
        for i in 0..<max(count, ChangeKind.allCases.count) {
            if kinds.isEmpty { kinds = rng.shuffled(ChangeKind.allCases) }
            let target = targets.isEmpty ? nil : targets[i % targets.count]
            if let change = model.apply(kinds.removeFirst(), &rng, target: target) { _ = model.finish(change) }
        }
        return model
    }

    private mutating func finish(_ change: Change) -> Change {
        synchronize()
        return change
    }

    /// One change of `kind`, or nil (and the model unchanged but for names it
    /// reserved) when none applies: every change decides before it writes.
    mutating func apply(_ kind: ChangeKind, _ rng: inout SplitMix64, target: String?) -> Change? {
        switch kind {
        case .addDimension: return addDimension(&rng)
        case .addFact: return addFact(&rng)
        case .addTable: return addPlainTable(&rng)
        case .dropTable: return dropTable(&rng, target)
        case .renameTable: return renameTable(&rng, target)
        case .addColumn: return addColumn(&rng, target)
        case .dropColumn: return dropColumn(&rng, target)
        case .renameColumn: return renameColumn(&rng, target)
        case .widenVarchar, .varcharToText, .integerToBigint: return changeType(kind, &rng, target)
        case .setNotNull, .dropNotNull: return changeNullability(kind, &rng, target)
        case .changeDefault: return changeDefault(&rng, target)
        case .changeComment: return changeComment(&rng, target)
        case .addIndex: return addIndex(&rng, target)
        case .dropIndex: return dropIndex(&rng, target)
        case .changeIndex: return changeIndex(&rng, target)
        case .addUnique, .dropUnique: return toggleUnique(kind, &rng, target)
        case .addCheck: return addCheck(&rng, target)
        case .dropCheck: return dropCheck(&rng, target)
        case .addForeignKey: return addForeignKey(&rng, target)
        case .dropForeignKey: return dropForeignKey(&rng, target)
        case .addEnumValue: return addEnumValue(&rng)
        case .scd1ToScd2, .scd2ToScd1: return changeHistory(kind, &rng, target)
        case .addHierarchy, .removeHierarchy: return toggleHierarchy(kind, &rng, target)
        case .addMeasure: return addMeasure(&rng, target)
        case .removeMeasure: return removeMeasure(&rng, target)
        case .addDimensionReference: return addDimensionReference(&rng, target)
        case .removeDimensionReference: return removeDimensionReference(&rng, target)
        case .addExtension: return addExtension(&rng)
        }
    }

    /// The model as the next `mutate` will leave it before its change: without
    /// the rename hints whose time is up. nil when no hint goes. Schema-wise
    /// nothing changes (a hint is not part of the schema), which a walk can check.
    public func removingExpiringRenameHints() -> WarehouseModel? {
        var copy = self
        copy.expireRenameHints()
        return copy.renameHintCount < renameHintCount ? copy : nil
    }

    var renameHintCount: Int {
        tables.reduce(0) { count, table in count + (table.renamedFrom == nil ? 0 : 1) + table.columns.filter { $0.renamedFrom != nil }.count }
    }

    /// Takes out rename hints whose time is up.
    mutating func expireRenameHints() {
        for t in tables.indices {
            if tables[t].renamedFrom != nil {
                tables[t].hintTTL -= 1
                if tables[t].hintTTL <= 0 { tables[t].renamedFrom = nil }
            }
            for c in tables[t].columns.indices where tables[t].columns[c].renamedFrom != nil {
                tables[t].columns[c].hintTTL -= 1
                if tables[t].columns[c].hintTTL <= 0 { tables[t].columns[c].renamedFrom = nil }
            }
        }
    }

    /// The index of a table for a change: `target` when it qualifies, else a random one that does.
    func pickTable(_ rng: inout SplitMix64, _ target: String?, where qualifies: (TableSpec) -> Bool) -> Int? {
        if let target, let i = tableIndex(named: target), qualifies(tables[i]) { return i }
        return rng.maybePick(tables.indices.filter { qualifies(tables[$0]) })
    }

    /// A table and one of its columns for a change, both qualifying.
    func pickColumn(
        _ rng: inout SplitMix64, _ target: String?, tables tableFilter: (TableSpec) -> Bool = { _ in true },
        where qualifies: (TableSpec, ColumnSpec) -> Bool
    ) -> (table: Int, column: Int)? {
        func candidates(_ t: Int) -> [Int] {
            tableFilter(tables[t]) ? tables[t].columns.indices.filter { qualifies(tables[t], tables[t].columns[$0]) } : []
        }
        if let target, let t = tableIndex(named: target), let c = rng.maybePick(candidates(t)) {
            return (t, c)
        }
        let pairs = tables.indices.flatMap { t in candidates(t).map { (t, $0) } }
        return rng.maybePick(pairs).map { (table: $0.0, column: $0.1) }
    }
}
