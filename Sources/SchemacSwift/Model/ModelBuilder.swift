import SchemacIR

/// The model struct of one table: a stored property per column (optional exactly when
/// the column is nullable), a public memberwise initializer, and `CodingKeys` that map
/// each property to its column's exact name.
struct ModelBuilder {
    let table: Table
    let typeName: String
    let enumNames: [String: String]
    /// Column name → property name (unescaped), unique within the model.
    let properties: [String: String]

    init(table: Table, typeName: String, enumNames: [String: String]) {
        self.table = table
        self.typeName = typeName
        self.enumNames = enumNames
        var allocator = NameAllocator(reserved: SwiftKeywords.reservedMemberNames)
        var properties: [String: String] = [:]
        for column in table.columns { properties[column.name] = allocator.claim(SwiftNames.lowerCamel(column.name)) }
        self.properties = properties
    }

    /// The property of `column`, escaped for use in code.
    func property(_ column: String) -> String { SwiftNames.escaped(properties[column] ?? column) }

    func swiftType(_ column: Column) -> String {
        SwiftTypeMapping.swiftType(column.type, nullable: column.nullable, enumNames: enumNames)
    }

    func declaration(doc: [String]) -> SwiftDecl {
        var conformances = ["Codable", "Sendable", "Hashable"]
        var members = table.columns.map { column in
            SwiftDecl.property(
                PropertyDecl(name: property(column.name), type: swiftType(column), doc: docLines(column.comment), access: .public))
        }
        if let identity = identityColumn {
            conformances.append("Identifiable")
            if properties[identity.name] != "id" { members.append(identityProperty(identity)) }
        }
        members.append(.function(initializer))
        members.append(.typeAlias(TypeAliasDecl(name: "CodingKeys", type: "Column")))
        return .type(TypeDecl(kind: .struct, name: typeName, doc: doc, access: .public, conformances: conformances, members: members))
    }

    /// The single primary key column, unless another column's property is already `id`
    /// (it would not be the key, so the model is not `Identifiable`).
    var identityColumn: Column? {
        guard let key = table.primaryKey, key.columns.count == 1, let column = table.column(named: key.columns[0]) else { return nil }
        let othersNamedId = table.columns.contains { $0.name != column.name && properties[$0.name] == "id" }
        return othersNamedId ? nil : column
    }

    /// `Identifiable.id` for a key column named otherwise.
    private func identityProperty(_ column: Column) -> SwiftDecl {
        .property(
            PropertyDecl(
                name: "id", type: swiftType(column), doc: ["The primary key, `\(column.name)`."], access: .public,
                getter: [.line(property(column.name))]))
    }

    /// `init(id:code:…)`, optionals defaulting to nil.
    private var initializer: FunctionDecl {
        let parameters = table.columns.map { column in
            FunctionDecl.Parameter(
                label: nil, name: property(column.name), type: swiftType(column), defaultValue: column.nullable ? "nil" : nil)
        }
        let body = table.columns.map { column in
            SwiftStatement.line("self.\(property(column.name)) = \(property(column.name))")
        }
        return FunctionDecl(name: "init", access: .public, parameters: parameters, body: body)
    }
}

/// A DSL comment as doc comment lines: other control characters (a tab, a carriage
/// return) become spaces, and trailing white space goes.
func docLines(_ comment: String?) -> [String] {
    guard let comment, !comment.isEmpty else { return [] }
    return comment.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var text = String(line.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? " " : $0 })
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
