/// `Schemac.swift`: the protocols every generated model and query conforms to, so
/// that code of your own (a client adapter, a generic repository) can work with any
/// of them. The generated code needs only Foundation.
enum SupportFile {
    static let name = "Schemac"

    static var declarations: [SwiftDecl] { [tableModel, typedQuery, queryParameters] }

    private static func requirement(_ name: String, _ type: String, doc: String) -> SwiftDecl {
        .property(PropertyDecl(name: name, type: type, doc: [doc], isStatic: true, isRequirement: true))
    }

    private static var tableModel: SwiftDecl {
        .type(
            TypeDecl(
                kind: .protocol, name: "TableModel",
                doc: ["A table's row type, with what schemac knows about the table."], access: .public,
                conformances: ["Codable", "Sendable", "Hashable"],
                members: [
                    .associatedType(
                        TypeAliasDecl(
                            name: "Column", type: "CodingKey, CaseIterable, Sendable, RawRepresentable<String>",
                            doc: ["The table's columns, in table order; a raw value is the column's name in SQL."])),
                    requirement("schema", "String", doc: "The PostgreSQL schema (namespace) of the table."),
                    requirement("table", "String", doc: "The table's name, unquoted."),
                    requirement("primaryKey", "[Column]", doc: "The primary key columns, in key order."),
                    requirement(
                        "selectList", "String",
                        doc: "Every column, as the model decodes it (`time` and `interval` read as text)."),
                ]))
    }

    private static var typedQuery: SwiftDecl {
        .type(
            TypeDecl(
                kind: .protocol, name: "TypedQuery",
                doc: [
                    "A statement with positional parameters (`$1`, `$2`, …) whose result rows decode into `Row`.",
                    "Run `sql` with `Parameters.bindings` as the bound values.",
                ],
                access: .public, conformances: ["Sendable"],
                members: [
                    .associatedType(TypeAliasDecl(name: "Parameters", type: "QueryParameters")),
                    .associatedType(TypeAliasDecl(name: "Row", type: "Decodable & Sendable")),
                    requirement("sql", "String", doc: "The SQL text, with `$n` placeholders."),
                ]))
    }

    private static var queryParameters: SwiftDecl {
        .type(
            TypeDecl(
                kind: .protocol, name: "QueryParameters", doc: ["The parameters of a `TypedQuery`."], access: .public,
                conformances: ["Sendable"],
                members: [
                    .property(
                        PropertyDecl(
                            name: "bindings", type: "[any Encodable & Sendable]",
                            doc: ["The values of `$1`, `$2`, … in order; nil binds NULL."], isRequirement: true))
                ]))
    }
}
