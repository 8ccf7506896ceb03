import SchemacIR

/// The model struct of one table: a stored property per column (optional exactly when
/// the column is nullable), a public memberwise initializer, and `CodingKeys` that map
/// each property to its column's exact name.
struct ModelBuilder {
    let table: Table
    let typeName: String
    let enumNames: [String: String]
    /// Each column's property name (unescaped), in table order; unique within the model.
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
        let count = table.columns.count
        var allocator = NameAllocator(reserved: SwiftKeywords.reservedMemberNames, capacity: count)
        var names: [String] = []
        var properties: [String] = []
        var types: [String] = []
        names.reserveCapacity(count)
        properties.reserveCapacity(count)
        types.reserveCapacity(count)
        // By index: iterating the columns would copy each whole `Column`.
        for index in table.columns.indices {
            let name = allocator.claim(SwiftNames.lowerCamel(table.columns[index].name))
            names.append(name)
            properties.append(SwiftNames.escaped(name))
            types.append(
                SwiftTypeMapping.swiftType(
                    table.columns[index].type, nullable: table.columns[index].nullable, enumNames: enumNames))
        }
        columnPropertyNames = names
        columnProperties = properties
        columnTypes = types
    }

    /// The position of the column named `name`, searched from `start` on and then from
    /// the first column: a linear search, cheaper than hashing for the short lists looked
    /// up (keys, measures), and for a run of names in table order (query parameters) when
    /// each search starts after the previous match.
    func columnIndex(_ name: String, from start: Int = 0) -> Int? {
        let columns = table.columns
        let start = min(start, columns.count)
        return columns[start...].firstIndex { $0.name == name } ?? columns[..<start].firstIndex { $0.name == name }
    }

    /// The property of `column`, escaped for use in code.
    func property(_ column: String) -> String {
        columnIndex(column).map { columnProperties[$0] } ?? SwiftNames.escaped(column)
    }

    private static let conformances = ["Codable", "Sendable", "Hashable"]
    private static let identifiableConformances = conformances + ["Identifiable"]

    func declaration(doc: [String]) -> SwiftDecl {
        var conformances = Self.conformances
        var members: [SwiftDecl] = []
        members.reserveCapacity(table.columns.count + 3)
        for index in table.columns.indices {
            members.append(
                .property(
                    PropertyDecl(
                        name: columnProperties[index], type: columnTypes[index], doc: docLines(table.columns[index].comment),
                        access: .public)))
        }
        if let identity = identityColumn {
            conformances = Self.identifiableConformances
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
        // A line without control characters keeps its Characters: only its end is trimmed.
        let hasControl = line.utf8.contains { $0 < 0x20 }
        var text = hasControl ? String(line.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? " " : $0 }) : String(line)
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
