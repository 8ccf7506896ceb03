import SchemacIR

/// A PostgreSQL enum as a `String`-backed Swift enum: one case per label, in the
/// enum's order, raw values the exact labels.
struct EnumBuilder {
    let type: EnumType
    let typeName: String
    let schema: String

    func declaration() -> SwiftDecl {
        var allocator = NameAllocator(reserved: SwiftKeywords.reservedMemberNames)
        let cases = type.values.map { label in
            let name = allocator.claim(SwiftNames.lowerCamel(label))
            return SwiftDecl.enumCase(EnumCaseDecl(name: SwiftNames.escaped(name), rawValue: name == label ? nil : label))
        }
        return .type(
            TypeDecl(
                kind: .enum, name: typeName, doc: ["The PostgreSQL enum `\(schema).\(type.name)`."], access: .public,
                conformances: ["String", "Codable", "Sendable", "Hashable", "CaseIterable"], members: cases))
    }
}
