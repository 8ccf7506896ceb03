import SchemacIR

/// What every table's translation reads and none changes: built once, shared by the chunks.
struct TranslationScope: Sendable {
    let decls: SchemaDeclarations
    let naming: NamingConventions
    let enums: [String: EnumType]
    /// Logical name → what a `references` or a fact dimension can point at.
    let targets: [String: ReferenceTarget]
    /// Dimension name → position in `decls.dimensions`.
    let dimensionIndex: [String: Int]

    init(decls: SchemaDeclarations, naming: NamingConventions, enums: [String: EnumType], targets: [String: ReferenceTarget]) {
        self.decls = decls
        self.naming = naming
        self.enums = enums
        self.targets = targets
        var index: [String: Int] = [:]
        for (i, dimension) in decls.dimensions.enumerated() where index[dimension.body.name] == nil { index[dimension.body.name] = i }
        dimensionIndex = index
    }
}

/// Translates dimensions, facts and plain tables one by one; one per chunk, so
/// what it collects (diagnostics, broken columns, extensions) is its own.
final class TableTranslator {
    let scope: TranslationScope
    private(set) var diagnostics = Diagnostics()
    private(set) var extraExtensions: Set<String> = []
    private var brokenColumns: Set<String> = []

    init(_ scope: TranslationScope) { self.scope = scope }

    var decls: SchemaDeclarations { scope.decls }
    var naming: NamingConventions { scope.naming }
    var targets: [String: ReferenceTarget] { scope.targets }

    func error(_ code: String, _ message: String, at location: SourceLocation?) {
        diagnostics.error(code, message, at: location)
    }

    /// Item `item` of every dimension, then every fact, then every plain table.
    func translate(item: Int) -> [Table] {
        let dimensions = decls.dimensions.count, facts = decls.facts.count
        if item < dimensions { return translateDimension(decls.dimensions[item]) }
        if item < dimensions + facts { return translateFact(decls.facts[item - dimensions]).map { [$0] } ?? [] }
        return translatePlainTable(decls.tables[item - dimensions - facts]).map { [$0] } ?? []
    }

    func requireExtension(_ name: String) { extraExtensions.insert(name) }

    /// Columns whose declaration had an error: later references to them stay quiet
    /// instead of reporting a second, misleading "unknown column".
    func markBroken(_ column: String, in table: String) { brokenColumns.insert(table + "." + column) }
    func isBroken(_ column: String, in table: String) -> Bool { brokenColumns.contains(table + "." + column) }

    func target(named name: Located<String>) -> ReferenceTarget? {
        if let target = targets[name.value] { return target }
        let hint = Suggestions.hint(for: name.value, in: targets.keys)
        error("unknown-reference", "'\(name.value)' is not a dimension, fact or table\(hint)", at: name.location)
        return nil
    }

    func enumType(named name: String) -> EnumType? { scope.enums[name] }
    var enumNames: [String] { Array(scope.enums.keys) }
}
