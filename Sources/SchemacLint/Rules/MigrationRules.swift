import SchemacIR
import SchemacPlanner

/// Every hazard of the pending migration (snapshot → schema) becomes a
/// finding, pointed at the element the step changes as the schema now has it.
enum MigrationRules {
    static func check(_ plan: MigrationPlan, previous: Schema, snapshot: SourceLocation, _ context: LintContext) -> [Draft] {
        plan.steps.flatMap { step in
            step.hazards.map { hazard in
                let place = locate(OperationTarget(step.operation), previous: previous, snapshot: snapshot, context)
                return Draft(
                    rule: RuleCatalog.migrationRule(for: hazard.kind), message: "pending migration: \(step.subject): \(hazard.message)",
                    location: place.location, scope: place.scope)
            }
        }
    }

    /// The innermost element that still exists in the schema; what is gone
    /// (a dropped table) points at the snapshot it is dropped from.
    private static func locate(_ target: OperationTarget, previous: Schema, snapshot: SourceLocation, _ context: LintContext) -> Place {
        var tableName = target.table
        if tableName == nil, let index = target.index {
            tableName = (context.schema.tables.first { $0.indexes.contains { $0.name == index } }
                ?? previous.tables.first { $0.indexes.contains { $0.name == index } })?.name
        }
        if let tableName, let table = context.table(named: tableName) {
            return context.place(table, column: target.column, index: table.indexes.first { $0.name == target.index })
        }
        if let name = target.enumName, let location = context.schema.enumType(named: name)?.location {
            return Place(location: location, scope: [location])
        }
        return Place(location: snapshot, scope: [])
    }
}
