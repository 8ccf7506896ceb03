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
    /// Each column's property name (unescaped), in table order.
    let columnPropertyNames: [String]
    /// Each column's property as written in code (keywords escaped), in table order:
    /// computed once, since every column is named in several places.
    let columnProperties: [String]
    /// Each column's Swift type, in table order.
    let columnTypes: [String]

    init(table: Table, typeName: String, enumNames: [String: String]) {
        self.table = table
        self.typeName = typeName
        self.enumNames = enumNames
        var allocator = NameAllocator(reserved: SwiftKeywords.reservedMemberNames, capacity: table.columns.count)
        var properties: [String: String] = [:]
        properties.reserveCapacity(table.columns.count)
        var names: [String] = []
        names.reserveCapacity(table.columns.count)
        for column in table.columns {
            let name = allocator.claim(SwiftNames.lowerCamel(column.name))
            properties[column.name] = name
            names.append(name)
        }
        self.properties = properties
        columnPropertyNames = names
        columnProperties = names.map(SwiftNames.escaped)
        columnTypes = table.columns.map { SwiftTypeMapping.swiftType($0.type, nullable: $0.nullable, enumNames: enumNames) }
    }

    /// The property of `column`, escaped for use in code.
    func property(_ column: String) -> String { SwiftNames.escaped(properties[column] ?? column) }

    func declaration(doc: [String]) -> SwiftDecl {
        var conformances = ["Codable", "Sendable", "Hashable"]
        var members: [SwiftDecl] = []
        members.reserveCapacity(table.columns.count + 3)
        for (index, column) in table.columns.enumerated() {
            members.append(
                .property(
                    PropertyDecl(
                        name: columnProperties[index], type: columnTypes[index], doc: docLines(column.comment),
                        access: .public)))
        }
        if let identity = identityColumn {
            conformances.append("Identifiable")
            if columnProperties[identity] != "id" { members.append(identityProperty(identity)) }
        }
        members.append(.function(initializer))
        members.append(.typeAlias(TypeAliasDecl(name: "CodingKeys", type: "Column")))
        return .type(TypeDecl(kind: .struct, name: typeName, doc: doc, access: .public, conformances: conformances, members: members))
    }

    /// The index of the single primary key column, unless another column's property is
    /// already `id` (it would not be the key, so the model is not `Identifiable`).
    var identityColumn: Int? {
        guard let key = table.primaryKey, key.columns.count == 1,
            let index = table.columns.firstIndex(where: { $0.name == key.columns[0] })
        else { return nil }
        let othersNamedId = columnProperties.indices.contains { $0 != index && columnProperties[$0] == "id" }
        return othersNamedId ? nil : index
    }

    /// `Identifiable.id` for a key column named otherwise.
    private func identityProperty(_ index: Int) -> SwiftDecl {
        .property(
            PropertyDecl(
                name: "id", type: columnTypes[index], doc: ["The primary key, `\(table.columns[index].name)`."], access: .public,
                getter: [.line(columnProperties[index])]))
    }

    /// `init(id:code:…)`, optionals defaulting to nil.
    private var initializer: FunctionDecl {
        let parameters = table.columns.indices.map { index in
            FunctionDecl.Parameter(
                label: nil, name: columnProperties[index], type: columnTypes[index],
                defaultValue: table.columns[index].nullable ? "nil" : nil)
        }
        let body = columnProperties.map(SwiftStatement.assignSelf)
        return FunctionDecl(name: "init", access: .public, parameters: parameters, body: body)
    }
}

/// A DSL comment as doc comment lines: other control characters (a tab, a carriage
/// return) become spaces, and trailing white space goes.
func docLines(_ comment: String?) -> [String] {
    guard let comment, !comment.isEmpty else { return [] }
    // Printable ASCII and line feeds (most comments): nothing to replace, and the only
    // white space to trim is spaces; the Character-wise rules below cost far more.
    if comment.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == UInt8(ascii: "\n") }) {
        return comment.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            let end = line.lastIndex { $0 != UInt8(ascii: " ") }.map { line.index(after: $0) } ?? line.startIndex
            return String(Substring(line[..<end]))
        }
    }
    return comment.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var text = String(line.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? " " : $0 })
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
