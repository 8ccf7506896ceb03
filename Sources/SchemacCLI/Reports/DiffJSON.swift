import SchemacLint
import SchemacPlanner
import SchemacSQL

/// `schemac diff --format json`: the whole pending plan for tools — every
/// step's operation, hazards, transactionality and SQL, in both directions.
enum DiffJSON {
    /// Bumped when the layout changes incompatibly.
    static let formatVersion = 1

    private struct Document: Encodable {
        var format: Int
        var schema: String
        var summary: Summary
        var hazards: [HazardItem]
        var up: Direction
        var down: Direction
    }

    private struct Summary: Encodable {
        var steps: Int
        var objects: [String]
        var hazards: Int
        var destructive: Bool
    }

    private struct HazardItem: Encodable {
        var step: Int
        var subject: String
        var kind: String
        var message: String
        var destructive: Bool
    }

    private struct Direction: Encodable {
        var steps: [Step]
        /// `BEGIN; … COMMIT;` blocks the file runs.
        var transactions: Int
        /// The migration file, as `generate` would write it.
        var sql: String
    }

    private struct Step: Encodable {
        var index: Int
        var subject: String
        var operation: OperationItem
        var description: String
        var transactional: Bool
        var commitAfter: Bool
        var hazards: [StepHazard]
        var sql: [String]
    }

    private struct OperationItem: Encodable {
        var kind: String
        var table: String?
        var column: String?
        var index: String?
        var constraint: String?
        var `enum`: String?
    }

    private struct StepHazard: Encodable {
        var kind: String
        var message: String
        var destructive: Bool
    }

    static func render(_ diff: PendingDiff) -> String {
        let up = diff.migration.up
        let hazards = up.steps.enumerated().flatMap { offset, step in
            step.hazards.map {
                HazardItem(step: offset + 1, subject: step.subject, kind: $0.kind.rawValue, message: $0.message, destructive: $0.isDestructive)
            }
        }
        let document = Document(
            format: formatVersion, schema: diff.schemaName,
            summary: Summary(
                steps: up.steps.count, objects: diff.changesByObject.map(\.subject), hazards: hazards.count, destructive: diff.isDestructive),
            hazards: hazards,
            up: direction(up, sql: diff.upSQL),
            down: direction(diff.migration.down, sql: diff.downSQL))
        return ReportJSON.encode(document)
    }

    private static func direction(_ plan: MigrationPlan, sql: String) -> Direction {
        let steps = plan.steps.enumerated().map { offset, step in
            let target = OperationTarget(step.operation)
            return Step(
                index: offset + 1, subject: step.subject,
                operation: OperationItem(
                    kind: target.kind, table: target.table, column: target.column, index: target.index, constraint: target.constraint,
                    enum: target.enumName),
                description: ChangeWords.describe(step.operation), transactional: step.transactional, commitAfter: step.commitAfter,
                hazards: step.hazards.map { StepHazard(kind: $0.kind.rawValue, message: $0.message, destructive: $0.isDestructive) },
                sql: SQLRenderer.statements(for: step, schema: plan.schemaName))
        }
        return Direction(steps: steps, transactions: PendingDiff.transactionCount(sql), sql: sql)
    }
}
