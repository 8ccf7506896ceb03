import SchemacIR
import SchemacPlanner

/// One migration step in plain words, for a reviewer who does not read SQL:
/// "adds column `nickname` (text, nullable)". Names are unqualified: the
/// report groups steps under the object they belong to. One case per
/// operation, without `default`, like the SQL emitter.
enum ChangeWords {
    static func describe(_ operation: Operation) -> String {
        switch operation {
        case let .createSchema(name): "creates schema \(code(name)) if it does not exist"
        case let .createExtension(name): "installs extension \(code(name)) if it is not installed"
        case let .createEnum(e): "creates enum \(code(e.name)) (\(e.values.joined(separator: ", ")))"
        case let .addEnumValue(e, value, before, after):
            "adds value \(code(value)) to enum \(code(e))" + (before.map { " before \(code($0))" } ?? after.map { " after \(code($0))" } ?? "")
        case let .dropEnum(e): "drops enum \(code(e)), which nothing uses any more"
        case let .recreateEnum(e, usages):
            "recreates enum \(code(e.name)) as (\(e.values.joined(separator: ", "))) and converts \(count(usages.count, "column")) to it: "
                + usages.map { code("\($0.table).\($0.column.name)") }.joined(separator: ", ")

        case let .createTable(t): "creates table \(code(t.name)) with \(count(t.columns.count, "column"))"
        case let .dropTable(t): "drops table \(code(t)) and all its rows"
        case let .renameTable(from, to): "renames table \(code(from)) to \(code(to)), keeping its rows"

        case let .addColumn(_, c): "adds column \(code(c.name)) (\(columnTraits(c)))"
        case let .dropColumn(_, c): "drops column \(code(c)) and its values"
        case let .renameColumn(_, from, to): "renames column \(code(from)) to \(code(to)), keeping its values"
        case let .alterColumnType(_, c, from, to): "changes the type of \(code(c)) from \(code(from.canonical)) to \(code(to.canonical))"
        case let .setNotNull(_, c): "makes \(code(c)) NOT NULL"
        case let .dropNotNull(_, c): "allows NULL in \(code(c))"
        case let .setDefault(_, c): c.defaultValue.map { "sets the default of \(code(c.name)) to \(defaultText($0))" } ?? "drops the default of \(code(c.name))"
        case let .setIdentity(_, c, identity):
            identity.map { "makes \(code(c)) an identity column (generated \($0.rawValue))" } ?? "drops the identity of \(code(c))"
        case let .renameSequence(from, to): "renames sequence \(code(from)) to \(code(to))"

        case let .addConstraint(_, c, notValid):
            "adds \(constraintWords(c))" + (notValid && checksLater(c) ? ", without checking existing rows yet" : "")
        case let .addConstraintUsingIndex(_, c): "attaches \(constraintWords(c)) to the unique index built for it"
        case let .addNotNullCheck(_, c, name): "adds check \(code(name)) (\(code(c)) IS NOT NULL), without checking existing rows yet"
        case let .validateConstraint(_, name): "checks existing rows against \(code(name))"
        case let .dropConstraint(_, name): "drops constraint \(code(name))"
        case let .renameConstraint(_, from, to): "renames constraint \(code(from)) to \(code(to))"

        case let .createIndex(_, index, concurrently):
            "creates \(index.unique ? "unique " : "")index \(code(index.name)) on (\(keys(index)))"
                + (index.predicate.map { " where \(code($0))" } ?? "") + (concurrently ? ", concurrently" : "")
        case let .dropIndex(name, concurrently): "drops index \(code(name))" + (concurrently ? ", concurrently" : "")
        case let .renameIndex(from, to): "renames index \(code(from)) to \(code(to))"

        case let .commentOnTable(_, comment): comment.map { "sets the table comment to “\($0)”" } ?? "removes the table comment"
        case let .commentOnColumn(_, c, comment): comment.map { "sets the comment of \(code(c)) to “\($0)”" } ?? "removes the comment of \(code(c))"

        case let .createClosureMaintenance(m): "creates the triggers that keep \(code(m.closureTable)) equal to the tree of \(code(m.parentColumn))"
        case let .dropClosureMaintenance(m): "drops the triggers that kept \(code(m.closureTable)) up to date"
        case let .backfillClosure(m): "fills \(code(m.closureTable)) from \(code(m.parentColumn)) of the existing rows"
        }
    }

    /// Inline code, safe for names and SQL fragments that hold a backtick.
    static func code(_ text: String) -> String {
        text.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func columnTraits(_ column: Column) -> String {
        var traits = [code(column.type.canonical), column.nullable ? "nullable" : "NOT NULL"]
        if let value = column.defaultValue { traits.append("default \(defaultText(value))") }
        if let identity = column.identity { traits.append("generated \(identity.rawValue) as identity") }
        return traits.joined(separator: ", ")
    }

    private static func defaultText(_ value: ColumnDefault) -> String {
        switch value {
        case let .literal(text): code(text)
        case let .sql(sql): code(sql)
        }
    }

    /// FOREIGN KEY and CHECK are the constraints PostgreSQL adds NOT VALID.
    private static func checksLater(_ constraint: Constraint) -> Bool {
        switch constraint {
        case .foreignKey, .check: true
        case .primaryKey, .unique, .exclusion: false
        }
    }

    private static func constraintWords(_ constraint: Constraint) -> String {
        switch constraint {
        case let .primaryKey(c): "primary key \(code(c.name)) (\(c.columns.joined(separator: ", ")))"
        case let .unique(c): "unique constraint \(code(c.name)) (\(c.columns.joined(separator: ", ")))"
        case let .check(c): "check \(code(c.name)) (\(code(c.expression)))"
        case let .foreignKey(c):
            "foreign key \(code(c.name)) (\(c.columns.joined(separator: ", "))) → \(code(c.referencedTable)) (\(c.referencedColumns.joined(separator: ", ")))"
                + (c.onDelete.map { " on delete \($0.rawValue)" } ?? "")
        case let .exclusion(c): "exclusion constraint \(code(c.name)) using \(c.method)"
        }
    }

    private static func keys(_ index: Index) -> String {
        index.keys.map(\.readable).joined(separator: ", ")
    }
}
