import SchemacPlanner
import SchemacSQL

/// The pending migration in both directions, with the SQL `generate` would
/// write: what the markdown and JSON reports of `schemac diff` are made of.
struct PendingDiff {
    var schemaName: String
    var migration: Migration
    var upSQL: String
    var downSQL: String

    init(_ migration: Migration, schemaName: String, options: SQLOptions) {
        self.schemaName = schemaName
        self.migration = migration
        upSQL = SQLRenderer.migration(migration.up, title: "pending migration (up, not written)", options: options)
        downSQL = SQLRenderer.migration(migration.down, title: "pending migration (down, not written)", options: options)
    }

    var hazardCount: Int { migration.up.hazards.count }
    var isDestructive: Bool { migration.up.hazards.contains(where: \.isDestructive) }

    /// Objects in the order their first step runs, each with its steps.
    var changesByObject: [(subject: String, steps: [MigrationStep])] {
        var order: [String] = []
        var steps: [String: [MigrationStep]] = [:]
        for step in migration.up.steps {
            if steps[step.subject] == nil { order.append(step.subject) }
            steps[step.subject, default: []].append(step)
        }
        return order.map { ($0, steps[$0] ?? []) }
    }

    /// `BEGIN;` blocks in a rendered migration: how many transactions it runs.
    static func transactionCount(_ sql: String) -> Int {
        sql.split(separator: "\n").filter { $0 == "BEGIN;" }.count
    }
}
