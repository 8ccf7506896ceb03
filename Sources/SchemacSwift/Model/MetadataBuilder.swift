import SchemacIR
import SchemacSQL

/// `extension Model: TableModel`: where the table lives, its columns, keys and measures.
struct MetadataBuilder {
    let model: ModelBuilder
    let schema: Schema
    let select: SelectItems

    func declaration() -> SwiftDecl {
        let table = model.table
        var members: [SwiftDecl] = [
            staticLet("schema", .string(schema.name), doc: "The PostgreSQL schema (namespace) of the table."),
            staticLet("table", .string(table.name), doc: "The table's name, unquoted."),
            columnList("primaryKey", table.primaryKey?.columns ?? [], doc: "The primary key, in key order."),
        ]
        if let dimension = table.dimension, !dimension.businessKey.isEmpty {
            members.append(columnList("businessKey", dimension.businessKey, doc: "The business (natural) key."))
        }
        if let fact = table.fact {
            members.append(columnList("measures", fact.measures, doc: "The measures, in declared order."))
            members.append(columnList("grain", fact.grain, doc: "The grain: one row per combination of these columns."))
        }
        members.append(
            staticLet(
                "selectList", .string(select.list),
                doc: "Every column, as the model decodes it: a SELECT list for queries of your own."))
        members.append(columnEnum)
        return .type(TypeDecl(kind: .extension, name: model.typeName, conformances: ["TableModel"], members: members))
    }

    private func staticLet(_ name: String, _ value: SwiftExpr, type: String? = nil, doc: String) -> SwiftDecl {
        .property(PropertyDecl(name: name, type: type, doc: [doc], access: .public, isStatic: true, isLet: true, value: value))
    }

    private func columnList(_ name: String, _ columns: [String], doc: String) -> SwiftDecl {
        staticLet(name, .array(columns.map { .raw("." + model.property($0)) }), type: "[Column]", doc: doc)
    }

    /// The columns in table order; raw values are the exact column names.
    private var columnEnum: SwiftDecl {
        let cases = model.table.columns.indices.map { index in
            let column = model.table.columns[index].name
            let rawValue = model.columnPropertyNames[index] == column ? nil : column
            return SwiftDecl.enumCase(EnumCaseDecl(name: model.columnProperties[index], rawValue: rawValue))
        }
        return .type(
            TypeDecl(
                kind: .enum, name: "Column", doc: ["The table's columns; a raw value is the column's name in SQL."],
                access: .public, conformances: ["String", "CodingKey", "CaseIterable", "Sendable"], members: cases))
    }
}
