import SchemacIR

/// The schema as a Mermaid `erDiagram`: every table with its columns and
/// keys, and one relationship per foreign key. Only the syntax Mermaid has
/// accepted for years is used (no entity aliases, no styling; attribute types
/// of letters, digits, `_`, `-`, `()`, `[]`), so older renderers draw it too.
enum ERDDiagram {
    static func render(_ schema: Schema) -> String {
        var lines = ["erDiagram"]
        for table in ordered(schema.tables) {
            lines.append("    \(table.name) {")
            lines += table.columns.map { "        " + attribute($0, of: table) }
            lines.append("    }")
        }
        lines += relationships(schema)
        return lines.joined(separator: "\n")
    }

    /// Dimensions, their closure tables, facts, then plain tables: the star reads top-down.
    static func ordered(_ tables: [Table]) -> [Table] {
        func rank(_ table: Table) -> Int {
            switch table.kind {
            case .dimension: 0
            case .closure: 1
            case .fact: 2
            case .table: 3
            }
        }
        return tables.sorted { (rank($0), $0.name) < (rank($1), $1.name) }
    }

    /// `type name KEYS "comment"`.
    static func attribute(_ column: Column, of table: Table) -> String {
        let (type, exact) = typeToken(column.type)
        var line = "\(type) \(column.name)"
        let keys = keyMarks(column.name, table)
        if !keys.isEmpty { line += " " + keys.joined(separator: ", ") }
        var notes = exact.map { [$0] } ?? []
        if column.nullable { notes.append("nullable") }
        if table.dimension?.businessKey.contains(column.name) == true { notes.append("business key") }
        if table.fact?.grain.contains(column.name) == true { notes.append("grain") }
        if table.fact?.measures.contains(column.name) == true { notes.append("measure") }
        if !notes.isEmpty { line += " \"\(notes.joined(separator: ", "))\"" }
        return line
    }

    /// The type as an attribute-type token, and the exact spelling when the
    /// token had to drop something (`numeric(19,4)`: commas are not allowed).
    static func typeToken(_ type: ColumnType) -> (token: String, exact: String?) {
        let canonical = type.canonical
        var token = ""
        var inParameters = false
        var dropped = false
        for ch in canonical {
            if ch == "(" && canonical.contains(",") { inParameters = true; dropped = true; continue }
            if inParameters { if ch == ")" { inParameters = false }; continue }
            token.append(ch == " " ? "_" : ch)
        }
        return (token, dropped ? canonical : nil)
    }

    private static func keyMarks(_ column: String, _ table: Table) -> [String] {
        var marks: [String] = []
        if table.primaryKey?.columns.contains(column) == true { marks.append("PK") }
        if table.foreignKeys.contains(where: { $0.columns.contains(column) }) { marks.append("FK") }
        let unique = table.uniques.contains { $0.columns.contains(column) } || table.indexes.contains { $0.unique && $0.leadingColumns.contains(column) }
        if unique && !marks.contains("PK") { marks.append("UK") }
        return marks
    }

    /// `parent ||--o{ child : "column"`: exactly one parent (zero or one when
    /// the key is nullable), zero or many children (zero or one when the key
    /// is unique). A solid line when the key is part of the child's primary
    /// key (identifying, as in closure tables), dotted otherwise.
    private static func relationships(_ schema: Schema) -> [String] {
        ordered(schema.tables).flatMap { child in
            child.foreignKeys.map { key in
                let nullable = key.columns.contains { child.column(named: $0)?.nullable ?? false }
                let unique = child.primaryKey?.columns == key.columns || child.uniques.contains { $0.columns == key.columns }
                let identifying = Set(key.columns).isSubset(of: child.primaryKey?.columns ?? [])
                let parentSide = nullable ? "|o" : "||"
                let childSide = unique ? "o|" : "o{"
                let line = identifying ? "--" : ".."
                return "    \(key.referencedTable) \(parentSide)\(line)\(childSide) \(child.name) : \"\(key.columns.joined(separator: ", "))\""
            }
        }
    }
}
