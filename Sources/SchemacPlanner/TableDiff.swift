import SchemacIR

/// Changes inside a table that exists before and after (after renames).
extension PlanBuilder {
    /// Column renames, constraints and indexes that go or change, and dropped columns.
    mutating func removeFromTable(_ before: Table, _ after: Table) {
        let subject = after.subject
        if let map = renames.columns[after.name] {
            for (from, to) in map.sorted(by: { $0.key < $1.key }) {
                add(.alter, .renameColumn(table: after.name, from: from, to: to), subject)
            }
        }
        dropChangedConstraints(from: before, to: after)
        let newNames = Set(after.columns.map(\.name))
        for column in before.columns where !newNames.contains(column.name) {
            add(.alter, .dropColumn(table: after.name, column: column.name), subject,
                hazards: [Hazard(.deletesData, "drops column \(after.name).\(column.name) and its values")])
        }
    }

    /// New and changed columns, then the constraints and indexes that need them.
    mutating func addToTable(_ before: Table, _ after: Table) {
        let subject = after.subject
        let oldColumns = Dictionary(uniqueKeysWithValues: before.columns.map { ($0.name, $0) })
        for column in after.columns {
            if let previous = oldColumns[column.name] {
                diffColumn(previous, column, in: after)
            } else {
                addColumn(column, to: after)
            }
        }
        addChangedConstraints(from: before, to: after)
        if before.comment != after.comment {
            add(.alter, .commentOnTable(table: after.name, comment: after.comment), subject)
        }
    }

    /// A column added to a table that may have rows.
    private mutating func addColumn(_ column: Column, to table: Table) {
        var hazards: [Hazard] = []
        if !column.nullable && column.defaultValue == nil && column.identity == nil {
            hazards.append(Hazard(.failsOnRows, "adds NOT NULL column \(table.name).\(column.name) without a default: fails if the table has rows; give it a default or make it nullable first"))
        }
        if case let .sql(expression) = column.defaultValue, !StableDefault.isStable(expression) {
            hazards.append(Hazard(.rewritesTable, "the default of \(table.name).\(column.name) is an SQL expression: if it is volatile, every row is rewritten"))
        }
        if column.identity != nil {
            hazards.append(Hazard(.rewritesTable, "adds identity column \(table.name).\(column.name): fills every row under an exclusive lock"))
        }
        add(.alter, .addColumn(table: table.name, column), table.subject, hazards: hazards)
        if let comment = column.comment {
            add(.alter, .commentOnColumn(table: table.name, column: column.name, comment: comment), table.subject)
        }
    }

    private mutating func diffColumn(_ before: Column, _ after: Column, in table: Table) {
        let subject = table.subject
        if before.type != after.type {
            // The old default is typed with the old type; PostgreSQL will not cast it along.
            if before.defaultValue != nil {
                var bare = after
                bare.defaultValue = nil
                add(.alter, .setDefault(table: table.name, bare), subject)
            }
            let change = TypeChange.classify(from: before.type, to: after.type)
            add(.alter, .alterColumnType(table: table.name, column: after.name, from: before.type, to: after.type), subject,
                hazards: change.hazards(table.name + "." + after.name, from: before.type, to: after.type))
            if after.defaultValue != nil { add(.alter, .setDefault(table: table.name, after), subject) }
        } else if before.defaultValue != after.defaultValue {
            add(.alter, .setDefault(table: table.name, after), subject)
        }
        if before.nullable != after.nullable {
            if after.nullable {
                add(.alter, .dropNotNull(table: table.name, column: after.name), subject)
            } else {
                setNotNull(after, in: table)
            }
        }
        if before.identity != after.identity {
            add(.alter, .setIdentity(table: table.name, column: after.name, after.identity), subject)
        }
        if before.comment != after.comment {
            add(.alter, .commentOnColumn(table: table.name, column: after.name, comment: after.comment), subject)
        }
    }

    /// SET NOT NULL without a long exclusive lock: a NOT VALID check first,
    /// validated without blocking writes; SET NOT NULL then skips its own scan.
    private mutating func setNotNull(_ column: Column, in table: Table) {
        let check = ObjectName.check(table.name, column.name + "_not_null")
        add(.alter, .addNotNullCheck(table: table.name, column: column.name, name: check), table.subject)
        add(.validate, .validateConstraint(table: table.name, name: check), table.subject,
            hazards: [Hazard(.validationScan, "scans \(table.name) for NULLs in \(column.name); fails if there are any")])
        add(.validate, .setNotNull(table: table.name, column: column.name), table.subject)
        add(.validate, .dropConstraint(table: table.name, name: check), table.subject)
    }
}

/// Defaults PostgreSQL evaluates once for ADD COLUMN (stable or immutable),
/// so adding a column with them does not rewrite the table.
enum StableDefault {
    static let known: Set<String> = [
        "now()", "current_date", "current_timestamp", "localtimestamp", "current_time", "localtime",
        "transaction_timestamp()", "statement_timestamp()", "current_user", "true", "false",
    ]

    static func isStable(_ expression: String) -> Bool {
        known.contains(expression.lowercased().trimmingSpaces())
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
