import SchemacIR

/// The phases of a migration, in the order they run. Each phase's steps keep
/// the order they were added in.
enum Phase: Int, CaseIterable, Comparable {
    /// Schema, extensions, new enums and enum values (committed before use).
    case prepare
    /// DROP INDEX CONCURRENTLY for indexes that go, before their columns do.
    case dropIndexes
    /// Everything that runs in one transaction: renames, drops, new tables, column changes, NOT VALID constraints.
    case alter
    /// CREATE INDEX CONCURRENTLY, then constraints attached to their unique indexes.
    case buildIndexes
    /// A changed index's replacement is built under a temporary name first;
    /// then the old one is dropped concurrently and the new one renamed, so the
    /// table is never without it.
    case swapIndexes
    /// VALIDATE CONSTRAINT and SET NOT NULL through a validated check.
    case validate
    /// Enums that are no longer used.
    case cleanup

    static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
}

/// Collects the steps of one plan by phase.
struct PlanBuilder {
    let old: Schema
    let new: Schema
    let renames: Renames
    /// `old` as it looks right after the renames.
    let renamedOld: Schema
    private var phases: [Phase: [MigrationStep]] = [:]

    init(old: Schema, new: Schema, renames: Renames) {
        self.old = old
        self.new = new
        self.renames = renames
        renamedOld = renames.apply(to: old)
    }

    mutating func add(
        _ phase: Phase, _ operation: Operation, _ subject: String, hazards: [Hazard] = [], transactional: Bool = true,
        commitAfter: Bool = false
    ) {
        phases[phase, default: []].append(
            MigrationStep(operation, subject: subject, hazards: hazards, transactional: transactional, commitAfter: commitAfter))
    }

    func orderedSteps() -> [MigrationStep] {
        var steps: [MigrationStep] = []
        for phase in Phase.allCases {
            var group = phases[phase] ?? []
            if needsCommit(after: phase), let last = group.indices.last, group[last].transactional {
                group[last].commitAfter = true
            }
            steps += group
        }
        return steps
    }

    /// New enum values must be committed before they are used; NOT VALID
    /// constraints before their validation, so the ACCESS EXCLUSIVE lock of
    /// ALTER TABLE is released before the long scan. Otherwise one
    /// transaction keeps the migration all-or-nothing.
    private func needsCommit(after phase: Phase) -> Bool {
        switch phase {
        case .prepare:
            return (phases[.prepare] ?? []).contains { if case .addEnumValue = $0.operation { true } else { false } }
        case .alter:
            return !(phases[.validate] ?? []).isEmpty
        default:
            return false
        }
    }

    mutating func build() {
        prepareNamespace()
        diffEnums()
        let oldTables = Dictionary(uniqueKeysWithValues: renamedOld.tables.map { ($0.name, $0) })
        let newTables = Dictionary(uniqueKeysWithValues: new.tables.map { ($0.name, $0) })
        // Most tables do not change: one equality check skips their diff.
        // A column rename leaves the renamed old table equal to the new one, yet needs its RENAME.
        let changed = new.tables.compactMap { table in
            oldTables[table.name].flatMap { $0 != table || renames.columns[table.name] != nil ? ($0, table) : nil }
        }
        dropClosureMaintenance(oldTables: oldTables, newTables: newTables)
        renameTables()
        // Removals first (a key into a table that goes must go before it),
        // then additions (a key into a new table must wait for it).
        for (before, after) in changed { removeFromTable(before, after) }
        dropTables(renamedOld.tables.filter { newTables[$0.name] == nil })
        recreateEnums(oldTables: oldTables, newTables: newTables)
        createTables(new.tables.filter { oldTables[$0.name] == nil })
        for (before, after) in changed { addToTable(before, after) }
        createClosureMaintenance(oldTables: oldTables, newTables: newTables)
        dropUnusedEnums()
    }

    private mutating func prepareNamespace() {
        if new.name != "public" && !isEmpty(new) && (old.name != new.name || isEmpty(old)) {
            add(.prepare, .createSchema(new.name), "schema \(new.name)")
        }
        for name in new.extensions where !old.extensions.contains(name) {
            add(.prepare, .createExtension(name), "extension \(name)")
        }
    }

    private func isEmpty(_ schema: Schema) -> Bool { schema.tables.isEmpty && schema.enums.isEmpty && schema.extensions.isEmpty }
}
