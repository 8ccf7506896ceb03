import SchemacIR

/// A migration in both directions.
public struct Migration: Hashable, Sendable {
    public var up: MigrationPlan
    public var down: MigrationPlan
}

/// Diffs two schemas into migration plans: the steps that turn a database
/// built from one into a database built from the other.
public enum Planner {
    /// The up plan (old → new, renames from the hints in `new`) and its down plan.
    public static func migration(from old: Schema, to new: Schema) -> Migration {
        let renames = Renames(from: old, to: new)
        return Migration(
            up: plan(from: old, to: new, renames: renames),
            down: plan(from: new, to: old, renames: renames.inverted()))
    }

    /// The up plan only.
    public static func plan(from old: Schema, to new: Schema) -> MigrationPlan {
        plan(from: old, to: new, renames: Renames(from: old, to: new))
    }

    /// The plan that creates `schema` in an empty database: `schemac sql`.
    public static func creation(of schema: Schema) -> MigrationPlan {
        plan(from: .empty(named: schema.name), to: schema)
    }

    static func plan(from old: Schema, to new: Schema, renames: Renames) -> MigrationPlan {
        var builder = PlanBuilder(old: old, new: new, renames: renames)
        builder.build()
        return MigrationPlan(schemaName: new.name, steps: builder.orderedSteps())
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
