import SchemacIR

/// Changes inside a table that exists before and after (after renames).
extension PlanBuilder {
    mutating func diffTable(from before: Table, to after: Table) {
        let subject = after.subject
        if let map = renames.columns[after.name] {
            for (from, to) in map.sorted(by: { $0.key < $1.key }) {
                add(.alter, .renameColumn(table: after.name, from: from, to: to), subject)
            }
        }
        dropChangedConstraints(from: before, to: after)
        let oldColumns = Dictionary(uniqueKeysWithValues: before.columns.map { ($0.name, $0) })
        let newNames = Set(after.columns.map(\.name))
        for column in before.columns where !newNames.contains(column.name) {
            add(.alter, .dropColumn(table: after.name, column: column.name), subject,
                hazards: [Hazard(.deletesData, "drops column \(after.name).\(column.name) and its values")])
        }
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
        if case .sql = column.defaultValue {
            hazards.append(Hazard(.rewritesTable, "the default of \(table.name).\(column.name) is an SQL expression: a volatile one rewrites the table"))
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
            let change = TypeChange.classify(from: before.type, to: after.type)
            add(.alter, .alterColumnType(table: table.name, column: after.name, from: before.type, to: after.type), subject,
                hazards: change.hazards(table.name + "." + after.name, from: before.type, to: after.type))
        }
        if before.defaultValue != after.defaultValue || (before.type != after.type && after.defaultValue != nil) {
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
        let check = CheckConstraint(name: ObjectName.check(table.name, column.name + "_not_null"), expression: "\(column.name) IS NOT NULL")
        add(.alter, .addConstraint(table: table.name, .check(check), notValid: true), table.subject)
        add(.validate, .validateConstraint(table: table.name, name: check.name), table.subject,
            hazards: [Hazard(.validationScan, "scans \(table.name) for NULLs in \(column.name); fails if there are any")])
        add(.validate, .setNotNull(table: table.name, column: column.name), table.subject)
        add(.validate, .dropConstraint(table: table.name, name: check.name), table.subject)
    }
}
