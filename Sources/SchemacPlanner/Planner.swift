import SchemacIR

/// Options that change what the planner may do.
public struct PlanOptions: Sendable, Hashable {
    public init() {}
}

/// Diffs two schemas into a migration plan: the steps that turn a database
/// built from `old` into one built from `new`.
public enum Planner {
    public static func plan(from old: Schema, to new: Schema, options: PlanOptions = .init()) -> MigrationPlan {
        var builder = PlanBuilder(old: old, new: new)
        builder.build()
        return MigrationPlan(schemaName: new.name, steps: builder.steps)
    }

    /// The plan that creates `schema` in an empty database: `schemac sql`.
    public static func creation(of schema: Schema) -> MigrationPlan {
        plan(from: .empty(named: schema.name), to: schema)
    }
}

/// Human names for step comments: `dimension user`.
extension Table {
    public var subject: String {
        switch kind {
        case .dimension: "dimension \(logicalName)"
        case .fact: "fact \(logicalName)"
        case .table: "table \(logicalName)"
        case .closure: "closure table \(name)"
        }
    }
}
