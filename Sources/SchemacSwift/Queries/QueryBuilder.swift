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
        // Most queries of a table take the same parameters (the business key, `node_id`):
        // their `Parameters` struct is built once.
        var previous: (parameters: [QueryParameter], declaration: SwiftDecl)?
        func query(_ spec: QuerySpec) -> SwiftDecl {
            let parameters = spec.statement.parameters
            if previous?.parameters != parameters { previous = (parameters, self.parameters(parameters)) }
            return self.query(spec, parameters: previous!.declaration)
        }
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

    private static let typedQuery = ["TypedQuery"]
    private static let parametersConformances = ["QueryParameters", "Hashable"]
    private static let bindingsDoc = ["The values of $1, $2, … in order."]

    private func query(_ spec: QuerySpec, parameters: SwiftDecl) -> SwiftDecl {
        let members: [SwiftDecl] = [
            .typeAlias(TypeAliasDecl(name: "Row", type: spec.row, access: .public)),
            .property(PropertyDecl(name: "sql", access: .public, isStatic: true, isLet: true, value: .string(spec.statement.sql))),
            parameters,
        ]
        return .type(TypeDecl(kind: .enum, name: spec.name, doc: spec.doc, access: .public, conformances: Self.typedQuery, members: members))
    }

    private static let reservedParameterNames = SwiftKeywords.reservedMemberNames.union(["bindings"])

    /// `struct Parameters`: a property per parameter, in `$n` order.
    private func parameters(_ parameters: [QueryParameter]) -> SwiftDecl {
        var allocator = NameAllocator(reserved: Self.reservedParameterNames, capacity: parameters.count)
        var members: [SwiftDecl] = []
        var initParameters: [FunctionDecl.Parameter] = []
        var names: [SwiftExpr] = []
        members.reserveCapacity(parameters.count + 2)
        initParameters.reserveCapacity(parameters.count)
        names.reserveCapacity(parameters.count)
        // Column parameters come in table order: each search starts after the last match.
        var nextColumn = 0
        for (offset, parameter) in parameters.enumerated() {
            // A parameter for a column is named like its property, and typed like it
            // when it takes the column's values.
            let column = model.columnIndex(parameter.name, from: nextColumn)
            let base = column.map { model.columnPropertyNames[$0] } ?? SwiftNames.lowerCamel(parameter.name)
            let claimed = allocator.claim(base)
            let name = if let column, claimed == base { model.columnProperties[column] } else { SwiftNames.escaped(claimed) }
            let type =
                if let column, model.table.columns[column].type == parameter.type,
                    model.table.columns[column].nullable == parameter.nullable
                {
                    model.columnTypes[column]
                } else {
                    SwiftTypeMapping.swiftType(parameter.type, nullable: parameter.nullable, enumNames: model.enumNames)
                }
            if let column { nextColumn = column + 1 }
            let doc = "$\(offset + 1): `\(parameter.name)`."
            members.append(.property(PropertyDecl(name: name, type: type, doc: [doc], access: .public)))
            initParameters.append(.init(label: nil, name: name, type: type, defaultValue: nil))
            names.append(.raw(name))
        }
        members.append(
            .function(
                FunctionDecl(
                    name: "init", access: .public, parameters: initParameters,
                    body: initParameters.map { .assignSelf($0.name) })))
        members.append(
            .property(
                PropertyDecl(
                    name: "bindings", type: "[any Encodable & Sendable]", doc: Self.bindingsDoc,
                    access: .public, getter: [.expression(prefix: "", .array(names))])))
        return .type(
            TypeDecl(
                kind: .struct, name: "Parameters", access: .public, conformances: Self.parametersConformances,
                members: members))
    }
}
