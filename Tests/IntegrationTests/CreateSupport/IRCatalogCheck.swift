import Foundation
import SchemacIR
import PostgresHarness

/// Walks a compiled schema (the IR) and checks each element against the catalog of a
/// database built from it, and that the catalog holds nothing the IR does not explain.
/// Expected text is derived here from PostgreSQL's own printing rules (format_type,
/// pg_get_*def, quote_ident), never from schemac's SQL emitter.
struct IRCatalogCheck {
    /// What the check reads from the database, read once so one database can be checked
    /// against several IRs.
    struct Facts {
        var catalog: CatalogSnapshot
        var objects: [NamespaceObject]
        var installedExtensions: Set<String>
        var quotedKeywords: Set<String>

        static func read(from db: TestDatabase, schema: String) throws -> Facts {
            Facts(catalog: try CatalogSnapshot.read(from: db, schema: schema), objects: try db.objects(inSchema: schema),
                  installedExtensions: try db.installedExtensions(), quotedKeywords: try db.quotedKeywords())
        }
    }

    let schema: Schema
    let facts: Facts
    private var catalog: CatalogSnapshot { facts.catalog }
    private var objects: [NamespaceObject] { facts.objects }
    private var installedExtensions: Set<String> { facts.installedExtensions }
    private var quotedKeywords: Set<String> { facts.quotedKeywords }
    private(set) var problems: [String] = []

    /// Every disagreement, one line each; empty when the database is exactly the IR.
    /// `db` evaluates literal defaults.
    static func problems(_ schema: Schema, _ facts: Facts, in db: TestDatabase) throws -> [String] {
        var check = IRCatalogCheck(schema: schema, facts: facts)
        check.checkSchemaLevel()
        for table in schema.tables { check.checkTable(table) }
        try check.checkLiteralDefaults(in: db)
        return check.problems
    }

    // MARK: schema-wide

    private mutating func checkSchemaLevel() {
        for name in schema.extensions where !installedExtensions.contains(name) { fail("extension \(name) is not installed") }
        for name in catalog.extensions where !schema.extensions.contains(name) { fail("extension \(name) is not in the IR") }
        expectSame("enums", catalog.enums.map(\.name), schema.enums.map(\.name))
        for type in schema.enums {
            if let labels = catalog.enumType(type.name)?.labels, labels != type.values {
                fail("enum \(type.name): labels \(labels), IR says \(type.values)")
            }
        }
        expectSame("tables", catalog.tables.map(\.name), schema.tables.map(\.name))
        expectSame("functions", catalog.functions.map(\.signature), closureParts.map { "\($0.function)()" })
        for part in closureParts {
            guard let function = catalog.function("\(part.function)()") else { continue }
            if !function.definition.contains("RETURNS trigger") || !function.definition.contains("LANGUAGE plpgsql") {
                fail("function \(part.function) is not a PL/pgSQL trigger function")
            }
        }
        // Sequences, views, domains… that CatalogSnapshot does not list.
        let extra = Set(objects).subtracting(expectedObjects).sorted()
        if !extra.isEmpty { fail("objects the IR does not explain: \(extra)") }
        let missingSequences = expectedObjects.filter { $0.kind == "relation S" && !objects.contains($0) }
        if !missingSequences.isEmpty { fail("identity sequences missing or misnamed: \(missingSequences.sorted())") }
    }

    private var expectedObjects: Set<NamespaceObject> {
        var expected = Set<NamespaceObject>()
        for table in schema.tables {
            expected.insert(.init(kind: "relation r", name: table.name))
            for index in constraintIndexNames(table) + table.indexes.map(\.name) { expected.insert(.init(kind: "relation i", name: index)) }
            for column in table.columns where column.identity != nil {
                expected.insert(.init(kind: "relation S", name: ObjectName.sequence(table.name, column.name)))
            }
        }
        for type in schema.enums { expected.insert(.init(kind: "type e", name: type.name)) }
        for part in closureParts { expected.insert(.init(kind: "function", name: part.function)) }
        return expected
    }

    // MARK: tables

    private mutating func checkTable(_ table: Table) {
        guard let found = catalog.table(table.name) else { return }  // reported by checkSchemaLevel
        let path = "\(schema.name).\(table.name)"
        if found.comment != table.comment { fail("\(path): comment \(String(describing: found.comment)), IR says \(String(describing: table.comment))") }
        expectSame("\(path) columns (in order)", found.columns.map(\.name), table.columns.map(\.name), ordered: true)
        for column in table.columns {
            if let actual = found.column(column.name) { checkColumn(column, actual, "\(path).\(column.name)") }
        }
        expectSame("\(path) constraints", found.constraints.map(\.name), table.constraints.map(\.name))
        for constraint in table.constraints {
            if let actual = found.constraint(constraint.name) { checkConstraint(constraint, actual, path) }
        }
        expectSame("\(path) indexes", found.indexes.map(\.name), table.indexes.map(\.name) + constraintIndexNames(table))
        for index in table.indexes {
            if let actual = found.index(index.name) { checkIndex(index, actual, table, path) }
        }
        let parts = closureParts.filter { $0.table == table.name }
        expectSame("\(path) triggers", found.triggers.map(\.name), parts.map(\.trigger))
        for part in parts {
            if let trigger = found.trigger(part.trigger) { checkTrigger(trigger, part, path) }
        }
    }

    private mutating func checkColumn(_ column: Column, _ actual: CatalogSnapshot.Column, _ path: String) {
        let type = formatType(column.type)
        if actual.type != type { fail("\(path): type \(actual.type), IR says \(type)") }
        if actual.notNull == column.nullable { fail("\(path): NOT NULL is \(actual.notNull), IR says nullable \(column.nullable)") }
        let identity = column.identity.map { $0 == .always ? "ALWAYS" : "BY DEFAULT" }
        if actual.identity != identity { fail("\(path): identity \(String(describing: actual.identity)), IR says \(String(describing: identity))") }
        if actual.generated { fail("\(path): is a generated column") }
        if actual.collation != nil { fail("\(path): has collation \(actual.collation!)") }
        if actual.comment != column.comment { fail("\(path): comment \(String(describing: actual.comment)), IR says \(String(describing: column.comment))") }
        switch (column.defaultValue, actual.defaultExpression) {
        case (nil, nil), (.literal, _?): break  // literal values are compared by checkLiteralDefaults
        case let (.sql(expected), found?):
            if !squeezed(found).contains(squeezed(expected)) { fail("\(path): default \(found), IR says \(expected)") }
        case let (expected?, nil): fail("\(path): no default, IR says \(expected)")
        case let (nil, found?): fail("\(path): default \(found), IR has none")
        }
    }

    private mutating func checkConstraint(_ constraint: Constraint, _ actual: CatalogSnapshot.Constraint, _ path: String) {
        let subject = "\(path) constraint \(actual.name)"
        if !actual.validated { fail("\(subject): not validated") }
        let kind: String, ok: Bool
        switch constraint {
        case let .primaryKey(key):
            kind = "p"; ok = actual.definition == "PRIMARY KEY (\(list(key.columns)))"
        case let .unique(unique):
            kind = "u"; ok = actual.definition == "UNIQUE (\(list(unique.columns)))"
        case .check:
            kind = "c"; ok = actual.definition.hasPrefix("CHECK (")
        case let .foreignKey(key):
            let action = [ReferentialAction.restrict: " ON DELETE RESTRICT", .cascade: " ON DELETE CASCADE", .setNull: " ON DELETE SET NULL"]
            kind = "f"
            ok = actual.definition == "FOREIGN KEY (\(list(key.columns))) REFERENCES \(q(schema.name)).\(q(key.referencedTable))(\(list(key.referencedColumns)))"
                + (key.onDelete.flatMap { action[$0] } ?? "")
        case let .exclusion(exclusion):
            kind = "x"
            ok = actual.definition.hasPrefix("EXCLUDE USING \(exclusion.method) (")
                && exclusion.elements.allSatisfy { actual.definition.contains(" WITH \($0.operator)") && squeezed(actual.definition).contains(squeezed($0.expression)) }
                && (exclusion.predicate == nil) == !actual.definition.contains(" WHERE ")
        }
        if actual.type != kind { fail("\(subject): kind \(actual.type), IR says \(kind)") }
        if !ok { fail("\(subject): definition \(actual.definition) does not match the IR \(constraint)") }
    }

    private mutating func checkIndex(_ index: Index, _ actual: CatalogSnapshot.Index, _ table: Table, _ path: String) {
        let subject = "\(path) index \(index.name)"
        if !actual.valid { fail("\(subject): invalid") }
        let head = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(q(index.name)) ON \(q(schema.name)).\(q(table.name)) USING \(index.method) ("
        let tail = ")" + (index.include.isEmpty ? "" : " INCLUDE (\(list(index.include)))")
        let parts = actual.definition.components(separatedBy: " WHERE ")
        let body = parts[0], predicate = parts.count > 1 ? parts.dropFirst().joined(separator: " WHERE ") : nil
        let columnsOnly = index.keys.allSatisfy { if case .column = $0.target { true } else { false } }
        let bodyOK = columnsOnly
            ? body == head + index.keys.map(key).joined(separator: ", ") + tail
            : body.hasPrefix(head) && body.hasSuffix(tail) && index.keys.allSatisfy { key in
                if case let .expression(sql) = key.target { return squeezed(body).contains(squeezed(sql)) }
                return true
            }
        if !bodyOK { fail("\(subject): definition \(actual.definition) does not match the IR \(index)") }
        switch (index.predicate, predicate) {
        case (nil, nil): break
        case let (expected?, found?) where bare(expected) == bare(found): break
        default: fail("\(subject): predicate \(String(describing: predicate)), IR says \(String(describing: index.predicate))")
        }
    }

    private mutating func checkTrigger(_ trigger: CatalogSnapshot.Trigger, _ part: ClosurePart, _ path: String) {
        let def = trigger.definition
        let event = part.kind == "insert" ? " INSERT ON " : " UPDATE "
        if !def.hasPrefix("CREATE TRIGGER \(q(part.trigger)) ") || !def.contains(event)
            || !def.contains(" ON \(q(schema.name)).\(q(part.table)) FOR EACH ROW")
            || !def.hasSuffix("EXECUTE FUNCTION \(q(schema.name)).\(q(part.function))()")
        {
            fail("\(path) trigger \(part.trigger): unexpected definition \(def)")
        }
    }

    /// A literal default must evaluate, as the column's type, to the IR's value.
    private mutating func checkLiteralDefaults(in db: TestDatabase) throws {
        var probes: [String] = []
        for table in schema.tables {
            for column in table.columns {
                guard case let .literal(value) = column.defaultValue,
                    let actual = catalog.table(table.name)?.column(column.name), let expression = actual.defaultExpression
                else { continue }
                let label = SQLText.literal("\(table.name).\(column.name): default \(expression), IR says \(value)")
                probes.append("SELECT \(label), ((\(expression))::\(actual.type) IS NOT DISTINCT FROM \(SQLText.literal(value))::\(actual.type))::text")
            }
        }
        guard !probes.isEmpty else { return }
        for row in try db.query(probes.joined(separator: "\nUNION ALL\n")) where row[1] != "true" { fail(row[0]) }
    }

    // MARK: closure maintenance

    struct ClosurePart {
        var table: String, kind: String, function: String, trigger: String
    }

    /// The functions and triggers of every `maintain: trigger` hierarchy, named as documented.
    private var closureParts: [ClosurePart] {
        schema.tables.flatMap { table -> [ClosurePart] in
            guard table.dimension?.hierarchy?.maintain == .trigger else { return [] }
            return ["insert", "move"].map { kind in
                ClosurePart(
                    table: table.name, kind: kind, function: ObjectName.shortened("\(table.name)_closure_\(kind)"),
                    trigger: ObjectName.shortened("trg_\(table.name)_closure_\(kind)"))
            }
        }
    }

    // MARK: PostgreSQL's spelling

    /// What `format_type` prints for a column of this type.
    private func formatType(_ type: ColumnType) -> String {
        switch type {
        case .smallint: "smallint"
        case .integer: "integer"
        case .bigint: "bigint"
        case let .numeric(p, s): "numeric(\(p),\(s))"
        case .unconstrainedNumeric: "numeric"
        case .real: "real"
        case .doublePrecision: "double precision"
        case .boolean: "boolean"
        case .text: "text"
        case let .varchar(n): "character varying(\(n))"
        case let .char(n): "character(\(n))"
        case .date: "date"
        case .timestamp: "timestamp without time zone"
        case .timestamptz: "timestamp with time zone"
        case .time: "time without time zone"
        case .interval: "interval"
        case .uuid: "uuid"
        case .json: "json"
        case .jsonb: "jsonb"
        case .bytea: "bytea"
        case let .enumeration(name): "\(q(schema.name)).\(q(name))"
        case let .array(element): formatType(element) + "[]"
        }
    }

    /// `quote_ident`: bare only for lower-case identifiers that are not keywords needing quotes.
    private func q(_ name: String) -> String {
        let bare = name.first.map { $0 == "_" || ("a"..."z").contains($0) } == true
            && name.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return bare && !quotedKeywords.contains(name) ? name : SQLText.ident(name)
    }

    private func list(_ names: [String]) -> String { names.map(q).joined(separator: ", ") }

    /// An index key as pg_get_indexdef prints it: DESC implies NULLS FIRST, ASC NULLS LAST.
    private func key(_ key: IndexKey) -> String {
        guard case let .column(name) = key.target else { return "" }
        var text = q(name)
        if key.order == .desc { text += " DESC" }
        if key.order == .desc && key.nulls == .last { text += " NULLS LAST" }
        if key.order == .asc && key.nulls == .first { text += " NULLS FIRST" }
        return text
    }

    private func constraintIndexNames(_ table: Table) -> [String] {
        (table.primaryKey.map { [$0.name] } ?? []) + table.uniques.map(\.name) + table.exclusions.map(\.name)
    }

    /// Letters, digits and `_` only, lower-cased: compares SQL the server reprinted with casts and parentheses.
    private func squeezed(_ sql: String) -> String {
        String(sql.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    }

    /// Without parentheses and white space, lower-cased: for predicates the server wraps in parentheses.
    private func bare(_ sql: String) -> String {
        String(sql.lowercased().filter { !"() \n\t".contains($0) })
    }

    private mutating func expectSame(_ what: String, _ actual: [String], _ expected: [String], ordered: Bool = false) {
        if ordered ? actual == expected : Set(actual) == Set(expected) && actual.count == Set(actual).count { return }
        let missing = expected.filter { !actual.contains($0) }, extra = actual.filter { !expected.contains($0) }
        fail("\(what): catalog has \(actual), IR has \(expected)" + (missing.isEmpty ? "" : "; missing \(missing)") + (extra.isEmpty ? "" : "; not in the IR \(extra)"))
    }

    private mutating func fail(_ message: String) { problems.append(message) }
}
