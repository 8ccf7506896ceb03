import SchemacIR

/// The triggers that maintain closure tables, and the backfill of a closure
/// table added to a dimension that already has rows.
extension PlanBuilder {
    /// Drops maintenance that goes away or changes, before any rename or drop
    /// (it is named after the old tables).
    mutating func dropClosureMaintenance(oldTables: [String: Table], newTables: [String: Table]) {
        // `oldTables` has the renamed names; maintenance is named after the old ones.
        let originalOld = Dictionary(uniqueKeysWithValues: old.tables.map { ($0.name, $0) })
        let wanted = Set(new.tables.compactMap { closureMaintenance(for: $0, in: newTables) })
        for table in old.tables {
            guard let current = closureMaintenance(for: table, in: originalOld) else { continue }
            // Function bodies name the tables and the parent column: any rename recreates them.
            if !wanted.contains(current) {
                add(.alter, .dropClosureMaintenance(current), originalOld[current.dimensionTable]?.subject ?? table.subject)
            }
        }
    }

    /// Creates maintenance that is new or changed, once all tables are in place,
    /// and backfills closure tables that are new on a dimension that existed.
    mutating func createClosureMaintenance(oldTables: [String: Table], newTables: [String: Table]) {
        let originalOld = Dictionary(uniqueKeysWithValues: old.tables.map { ($0.name, $0) })
        let existing = Set(old.tables.compactMap { closureMaintenance(for: $0, in: originalOld) })
        for table in new.tables where table.kind == .closure {
            let maintenance = closureMaintenance(for: table, in: newTables)
            let dimensionName = table.closure?.dimensionTable ?? ""
            let subject = newTables[dimensionName]?.subject ?? table.subject
            if let maintenance, !existing.contains(maintenance) {
                add(.alter, .createClosureMaintenance(maintenance), subject)
            }
            if oldTables[table.name] == nil, oldTables[dimensionName] != nil {
                let fill = maintenance ?? closureShape(table, dimension: newTables[dimensionName])
                if let fill { add(.alter, .backfillClosure(fill), subject) }
            }
        }
    }

    /// The closure maintenance of a closure table, if its dimension keeps it by
    /// trigger; `tables` are the schema's tables by name.
    func closureMaintenance(for closure: Table, in tables: [String: Table]) -> ClosureMaintenance? {
        guard closure.kind == .closure, let dimension = closure.closure.flatMap({ tables[$0.dimensionTable] }),
              let hierarchy = dimension.dimension?.hierarchy, hierarchy.maintain == .trigger else { return nil }
        return ClosureMaintenance(dimensionTable: dimension.name, parentColumn: hierarchy.parentColumn, closureTable: closure.name)
    }

    /// The shape of a closure table kept by the application: for the backfill only.
    private func closureShape(_ closure: Table, dimension: Table?) -> ClosureMaintenance? {
        guard let dimension, let hierarchy = dimension.dimension?.hierarchy else { return nil }
        return ClosureMaintenance(dimensionTable: dimension.name, parentColumn: hierarchy.parentColumn, closureTable: closure.name)
    }
}
