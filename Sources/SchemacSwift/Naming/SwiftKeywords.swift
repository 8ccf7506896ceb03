import SchemacIR

/// Names the generated code cannot use as they are.
enum SwiftKeywords {
    /// Keywords that must be written in backticks to be a property or case name.
    static let all: Set<String> = [
        "Any", "Protocol", "Self", "Type", "as", "associatedtype", "break", "case", "catch", "class", "continue",
        "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for",
        "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "nil", "open", "operator",
        "precedencegroup", "private", "protocol", "public", "repeat", "rethrows", "return", "self", "static", "struct",
        "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "var", "where", "while",
    ]

    /// Whether `identifier` is one of `all`. Keywords are 2 to 15 ASCII letters: other
    /// names (most have a digit, or are longer) are told apart without hashing them.
    static func isKeyword(_ identifier: String) -> Bool {
        guard (2...15).contains(identifier.utf8.count),
            identifier.everyUTF8Byte({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") })
        else { return false }
        return all.contains(identifier)
    }

    /// Type names the generated code refers to, or that a keyword takes: a table or enum
    /// whose Swift name would shadow one of them gets a trailing `_` instead.
    static let reservedTypeNames: Set<String> = [
        // Swift and Foundation types the models use.
        "Any", "Array", "Bool", "CaseIterable", "Codable", "CodingKey", "Data", "Date", "Decimal", "Decodable",
        "Decoder", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float", "Foundation", "Hashable",
        "Identifiable", "Int", "Int16", "Int32", "Int64", "Never", "Optional", "Protocol", "Self", "Sendable", "String",
        "Swift", "Type", "UUID",
        // The support protocols every generated file shares.
        "QueryParameters", "TableModel", "TypedQuery",
        // Types nested in the models: inside a model these names mean the nested type.
        "AtDepth", "Ancestors", "Children", "CodingKeys", "Column", "CurrentVersion", "DepthKey", "Descendants",
        "MoveSubtree", "Parameters", "PathToRoot", "RecordVersion", "Row", "VersionAt",
    ]

    /// Members that the synthesized `Hashable`, `RawRepresentable` and `CaseIterable`
    /// conformances declare, and `self`, which as an initializer parameter would hide
    /// the value being initialized.
    static let reservedMemberNames: Set<String> = ["allCases", "hashValue", "rawValue", "self"]
}
