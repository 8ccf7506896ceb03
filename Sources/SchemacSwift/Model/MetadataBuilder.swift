import SchemacIR
import SchemacSQL

/// `extension Model: TableModel`: where the table lives, its columns, keys and measures.
struct MetadataBuilder {
    let model: ModelBuilder
    let schema: Schema
    let select: SelectItems

    /// The members' doc comments and the conformances, made once: every table has them.
    private enum Shared {
        static let schema = ["The PostgreSQL schema (namespace) of the table."]
        static let table = ["The table's name, unquoted."]
        static let primaryKey = ["The primary key, in key order."]
        static let businessKey = ["The business (natural) key."]
        static let measures = ["The measures, in declared order."]
        static let grain = ["The grain: one row per combination of these columns."]
        static let selectList = ["Every column, as the model decodes it: a SELECT list for queries of your own."]
        static let column = ["The table's columns; a raw value is the column's name in SQL."]
        static let tableModel = ["TableModel"]
        static let columnConformances = ["String", "CodingKey", "CaseIterable", "Sendable"]
    }

    func declaration() -> SwiftDecl {
        let table = model.table
        var members: [SwiftDecl] = [
            staticLet("schema", .string(schema.name), doc: Shared.schema),
            staticLet("table", .string(table.name), doc: Shared.table),
            columnList("primaryKey", table.primaryKey?.columns ?? [], doc: Shared.primaryKey),
        ]
        if let dimension = table.dimension, !dimension.businessKey.isEmpty {
            members.append(columnList("businessKey", dimension.businessKey, doc: Shared.businessKey))
        }
        if let fact = table.fact {
            members.append(columnList("measures", fact.measures, doc: Shared.measures))
            members.append(columnList("grain", fact.grain, doc: Shared.grain))
        }
        members.append(staticLet("selectList", .string(select.list), doc: Shared.selectList))
        members.append(columnEnum)
        return .type(TypeDecl(kind: .extension, name: model.typeName, conformances: Shared.tableModel, members: members))
    }

    private func staticLet(_ name: String, _ value: SwiftExpr, type: String? = nil, doc: [String]) -> SwiftDecl {
        .property(PropertyDecl(name: name, type: type, doc: doc, access: .public, isStatic: true, isLet: true, value: value))
    }

    private func columnList(_ name: String, _ columns: [String], doc: [String]) -> SwiftDecl {
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
                kind: .enum, name: "Column", doc: Shared.column, access: .public, conformances: Shared.columnConformances,
                members: cases))
    }
}
