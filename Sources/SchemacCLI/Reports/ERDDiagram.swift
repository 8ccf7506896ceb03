import SchemacIR

/// The schema as a Mermaid `erDiagram`: every table with its columns and
/// keys, and one relationship per foreign key. Only the syntax Mermaid has
/// accepted for years is used (no entity aliases, no styling; attribute types
/// of letters, digits, `_`, `-`, `()`, `[]`), so older renderers draw it too.
///
/// Written straight into one byte buffer: `diff --check` renders the diagram
/// of thousands of tables on every run.
enum ERDDiagram {
    static func render(_ schema: Schema) -> String {
        var out = ByteText()
        render(schema, ordered: ordered(schema.tables), into: &out)
        return out.string
    }

    /// The diagram without a final newline; `tables` in `ordered` order.
    static func render(_ schema: Schema, ordered tables: [Table], into out: inout ByteText) {
        out += "erDiagram"
        for table in tables {
            out += "\n    "
            out += table.name
            out += " {"
            let roles = ColumnRoles(table)
            for column in table.columns {
                out += "\n        "
                attribute(column, roles: roles, into: &out)
            }
            out += "\n    }"
        }
        for table in tables { relationships(of: table, into: &out) }
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
        let order = tables.indices.sorted { (rank(tables[$0]), tables[$0].name) < (rank(tables[$1]), tables[$1].name) }
        return order.map { tables[$0] }
    }

    /// `type name KEYS "comment"`.
    private static func attribute(_ column: Column, roles: ColumnRoles, into out: inout ByteText) {
        let (type, exact) = typeToken(column.type)
        out += type
        out += " "
        out += column.name
        let primary = roles.primaryKey.contains(column.name)
        var separator = " "
        for (mark, present) in [("PK", primary), ("FK", roles.foreignKey.contains(column.name)), ("UK", !primary && roles.unique.contains(column.name))] where present {
            out += separator
            out += mark
            separator = ", "
        }
        separator = " \""
        for (note, present) in [
            (exact ?? "", exact != nil), ("nullable", column.nullable), ("business key", roles.businessKey.contains(column.name)),
            ("grain", roles.grain.contains(column.name)), ("measure", roles.measures.contains(column.name)),
        ] where present {
            out += separator
            out += note
            separator = ", "
        }
        if separator == ", " { out += "\"" }
    }

    /// The key and warehouse roles of a table's columns, gathered once per table
    /// (short lists: a linear `contains` beats hashing here).
    private struct ColumnRoles {
        var primaryKey: [String]
        var foreignKey: [String] = []
        /// In a unique constraint, or a leading column of a unique index.
        var unique: [String] = []
        var businessKey: [String]
        var grain: [String]
        var measures: [String]

        init(_ table: Table) {
            primaryKey = table.primaryKey?.columns ?? []
            for key in table.foreignKeys { foreignKey += key.columns }
            for constraint in table.uniques { unique += constraint.columns }
            for index in table.indexes where index.unique { unique += index.leadingColumns }
            businessKey = table.dimension?.businessKey ?? []
            grain = table.fact?.grain ?? []
            measures = table.fact?.measures ?? []
        }
    }

    /// The type as an attribute-type token, and the exact spelling when the
    /// token had to drop something (`numeric(19,4)`: commas are not allowed).
    static func typeToken(_ type: ColumnType) -> (token: String, exact: String?) {
        let canonical = type.canonical
        let bytes = canonical.utf8
        guard bytes.contains(UInt8(ascii: " ")) || bytes.contains(UInt8(ascii: ",")) else { return (canonical, nil) }
        let dropsParameters = bytes.contains(UInt8(ascii: ","))
        var token: [UInt8] = []
        var inParameters = false
        var dropped = false
        for byte in bytes {
            if byte == UInt8(ascii: "(") && dropsParameters { inParameters = true; dropped = true; continue }
            if inParameters { if byte == UInt8(ascii: ")") { inParameters = false }; continue }
            token.append(byte == UInt8(ascii: " ") ? UInt8(ascii: "_") : byte)
        }
        return (String(decoding: token, as: UTF8.self), dropped ? canonical : nil)
    }

    /// `parent ||--o{ child : "column"`: exactly one parent (zero or one when
    /// the key is nullable), zero or many children (zero or one when the key
    /// is unique). A solid line when the key is part of the child's primary
    /// key (identifying, as in closure tables), dotted otherwise.
    private static func relationships(of child: Table, into out: inout ByteText) {
        for key in child.foreignKeys {
            let nullable = key.columns.contains { child.column(named: $0)?.nullable ?? false }
            let unique = child.primaryKey?.columns == key.columns || child.uniques.contains { $0.columns == key.columns }
            let identifying = key.columns.allSatisfy { child.primaryKey?.columns.contains($0) ?? false }
            let parentSide = nullable ? "|o" : "||"
            let childSide = unique ? "o|" : "o{"
            let line = identifying ? "--" : ".."
            out += "\n    \(key.referencedTable) \(parentSide)\(line)\(childSide) \(child.name) : \"\(key.columns.joined(separator: ", "))\""
        }
    }
}
