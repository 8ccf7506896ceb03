import SchemacIR
import SchemacPlanner
@testable import SchemacSQL

/// Small IR values shared by the SQL renderer tests.
enum SQLFixtures {
    static let schema = "budget"

    /// An SCD2 dimension with a hierarchy, a no-overlap exclusion and a reserved-word column.
    static var user: Table {
        var table = Table(name: "t_d_user", logicalName: "user", kind: .dimension, columns: [
            Column(name: "id", type: .bigint, identity: .always),
            Column(name: "code", type: .varchar(50)),
            Column(name: "email", type: .varchar(255)),
            Column(name: "role", type: .varchar(20), defaultValue: .literal("member")),
            Column(name: "kind", type: .enumeration("payment_kind"), nullable: true),
            Column(name: "parent_id", type: .bigint, nullable: true),
            Column(name: "valid_from", type: .timestamptz, defaultValue: .sql("now()")),
            Column(name: "valid_to", type: .timestamptz, defaultValue: .literal("infinity")),
            Column(name: "is_current", type: .boolean, defaultValue: .literal("true")),
            Column(name: "order", type: .integer, nullable: true),
        ])
        table.primaryKey = PrimaryKey(name: "pk_t_d_user", columns: ["id"])
        table.uniques = [UniqueConstraint(name: "uq_t_d_user_email", columns: ["email"])]
        table.checks = [CheckConstraint(name: "ck_t_d_user_valid_range", expression: "valid_from < valid_to")]
        table.foreignKeys = [
            ForeignKey(name: "fk_t_d_user_parent_id", columns: ["parent_id"], referencedTable: "t_d_user",
                       referencedColumns: ["id"], onDelete: .restrict),
        ]
        table.exclusions = [
            ExclusionConstraint(name: "ex_t_d_user_no_overlap", method: "gist", elements: [
                .init(expression: "code", operator: "="),
                .init(expression: "tstzrange(valid_from, valid_to, '[)')", operator: "&&"),
            ]),
        ]
        return table
    }

    static let closure = ClosureMaintenance(dimensionTable: "t_d_user", parentColumn: "parent_id", closureTable: "t_d_user_hierarchy")

    static func step(_ operation: Operation, _ subject: String = "table t", hazards: [Hazard] = [],
                     transactional: Bool = true, commitAfter: Bool = false) -> MigrationStep {
        MigrationStep(operation, subject: subject, hazards: hazards, transactional: transactional, commitAfter: commitAfter)
    }

    /// The statements of one operation in schema `budget`.
    static func sql(_ operation: Operation) -> [String] {
        SQLRenderer.statements(for: step(operation), schema: schema)
    }

    /// The single statement of one operation in schema `budget`.
    static func statement(_ operation: Operation) -> String {
        let statements = sql(operation)
        return statements.count == 1 ? statements[0] : "expected one statement, got \(statements.count)"
    }
}
