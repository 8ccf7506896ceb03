import SchemacIR
import SchemacSQL

/// One typed query: a nested `enum Name: TypedQuery` with the SQL text, a `Parameters`
/// struct whose `bindings` are the values of `$1…$n` in order, and the `Row` type.
struct QuerySpec {
    var name: String
    var doc: [String]
    var statement: QueryStatement
    var row: String
}

/// The typed queries of a table (SCD2 and hierarchy queries), in an extension of its model.
struct QueryBuilder {
    let model: ModelBuilder
    let schema: Schema
    let select: SelectItems

    /// `extension Model { … }`, or nothing when the table has no typed queries.
    func declaration() -> SwiftDecl? {
        var members: [SwiftDecl] = []
        if let versions = VersionQuerySQL(select, schema: schema.name) {
            members += VersionQueries(model: model, sql: versions).specs.map(query)
        }
        if let hierarchy = HierarchyQuerySQL(select, schema: schema.name) {
            let queries = HierarchyQueries(model: model, sql: hierarchy)
            members.append(queries.atDepth)
            members += queries.specs.map(query)
        }
        guard !members.isEmpty else { return nil }
        return .type(TypeDecl(kind: .extension, name: model.typeName, members: members))
    }

    private func query(_ spec: QuerySpec) -> SwiftDecl {
        let members: [SwiftDecl] = [
            .typeAlias(TypeAliasDecl(name: "Row", type: spec.row, access: .public)),
            .property(PropertyDecl(name: "sql", access: .public, isStatic: true, isLet: true, value: .string(spec.statement.sql))),
            parameters(spec.statement.parameters),
        ]
        return .type(TypeDecl(kind: .enum, name: spec.name, doc: spec.doc, access: .public, conformances: ["TypedQuery"], members: members))
    }

    private static let reservedParameterNames = SwiftKeywords.reservedMemberNames.union(["bindings"])

    /// `struct Parameters`: a property per parameter, in `$n` order.
    private func parameters(_ parameters: [QueryParameter]) -> SwiftDecl {
        var allocator = NameAllocator(reserved: Self.reservedParameterNames, capacity: parameters.count)
        let fields = parameters.enumerated().map { offset, parameter in
            // A parameter for a column is named like its property.
            let base = model.properties[parameter.name]
            let name = SwiftNames.escaped(allocator.claim(base ?? SwiftNames.lowerCamel(parameter.name)))
            let type = SwiftTypeMapping.swiftType(parameter.type, nullable: parameter.nullable, enumNames: model.enumNames)
            return (name: name, type: type, doc: "$" + String(offset + 1) + ": `" + parameter.name + "`.")
        }
        var members = fields.map { SwiftDecl.property(PropertyDecl(name: $0.name, type: $0.type, doc: [$0.doc], access: .public)) }
        members.append(
            .function(
                FunctionDecl(
                    name: "init", access: .public,
                    parameters: fields.map { .init(label: nil, name: $0.name, type: $0.type, defaultValue: nil) },
                    body: fields.map { .assignSelf($0.name) })))
        members.append(
            .property(
                PropertyDecl(
                    name: "bindings", type: "[any Encodable & Sendable]", doc: ["The values of $1, $2, … in order."],
                    access: .public, getter: [.expression(prefix: "", .array(fields.map { .raw($0.name) }))])))
        return .type(
            TypeDecl(
                kind: .struct, name: "Parameters", access: .public, conformances: ["QueryParameters", "Hashable"],
                members: members))
    }
}
