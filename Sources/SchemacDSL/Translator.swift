import SchemacIR

/// Turns the declarations of all files into the IR: resolves names, expands
/// the warehouse structure (surrogate keys, SCD2, closure tables) and checks
/// everything, reporting all problems.
final class Translator {
    let decls: SchemaDeclarations
    var diagnostics: Diagnostics
    let naming: NamingConventions
    let schemaName: String
    private(set) var enums: [String: EnumType] = [:]
    /// Logical name → what a `references` or a fact dimension can point at.
    private(set) var targets: [String: ReferenceTarget] = [:]
    var extraExtensions: Set<String> = []
    private var brokenColumns: Set<String> = []
    /// Dimension name → position in `decls.dimensions`.
    let dimensionIndex: [String: Int]

    init(_ decls: SchemaDeclarations, diagnostics: Diagnostics) {
        self.decls = decls
        self.diagnostics = diagnostics
        naming = decls.naming?.value ?? NamingConventions()
        schemaName = decls.schemaName?.value ?? "public"
        var index: [String: Int] = [:]
        for (i, dimension) in decls.dimensions.enumerated() where index[dimension.body.name] == nil { index[dimension.body.name] = i }
        dimensionIndex = index
    }

    func error(_ code: String, _ message: String, at location: SourceLocation?) {
        diagnostics.error(code, message, at: location)
    }

    func translate() -> Schema {
        checkNamespace()
        translateEnums()
        collectTargets()
        var tables: [Table] = []
        for dimension in decls.dimensions { tables += translateDimension(dimension) }
        for fact in decls.facts { tables += translateFact(fact).map { [$0] } ?? [] }
        for table in decls.tables { tables += translatePlainTable(table).map { [$0] } ?? [] }
        checkRelationNames(tables)
        checkEnumNames(against: tables)
        let extensions = decls.extensions.map(\.value) + extraExtensions
        return Schema(name: schemaName, extensions: extensions, enums: Array(enums.values), tables: tables)
    }

    /// Dimensions, facts, tables and enums share one namespace.
    private func checkNamespace() {
        var seen: [String: (String, SourceLocation)] = [:]
        var all: [(kind: String, name: String, location: SourceLocation)] = []
        all += decls.enums.map { ("enum", $0.name, $0.location) }
        all += decls.dimensions.map { ("dimension", $0.body.name, $0.body.location) }
        all += decls.facts.map { ("fact", $0.body.name, $0.body.location) }
        all += decls.tables.map { ("table", $0.name, $0.location) }
        for (kind, name, location) in all.sorted(by: { $0.location < $1.location }) {
            if let (firstKind, first) = seen[name] {
                error("duplicate-name", "\(kind) '\(name)' is already defined as \(firstKind == "enum" ? "an" : "a") \(firstKind) at \(first)", at: location)
            } else {
                seen[name] = (kind, location)
            }
        }
    }

    private func translateEnums() {
        for decl in decls.enums where enums[decl.name] == nil {
            if case let .success(type) = ColumnType.parse(decl.name), type.enumName == nil {
                error("invalid-identifier", "enum '\(decl.name)' has the name of the built-in type \(type.canonical)", at: decl.location)
            }
            if decl.values.isEmpty { error("empty-enum", "enum '\(decl.name)' has no values", at: decl.location) }
            var labels: [String] = []
            for value in decl.values {
                if labels.contains(value.value) {
                    error("duplicate-value", "enum '\(decl.name)' lists '\(value.value)' twice", at: value.location)
                } else if value.value.isEmpty || value.value.utf8.count > ObjectName.maxBytes {
                    error("invalid-value", "enum labels must be 1 to 63 bytes long", at: value.location)
                } else {
                    labels.append(value.value)
                }
            }
            enums[decl.name] = EnumType(name: decl.name, values: labels, location: decl.location)
        }
    }

    private func collectTargets() {
        for dimension in decls.dimensions {
            let name = dimension.body.name
            targets[name] = ReferenceTarget(kind: .dimension, table: naming.tableName(for: .dimension, name), keyColumn: "id", keyType: .bigint)
        }
        for fact in decls.facts {
            let name = fact.body.name
            targets[name] = ReferenceTarget(kind: .fact, table: naming.tableName(for: .fact, name), keyColumn: "id", keyType: .bigint)
        }
        for table in decls.tables {
            let keys = table.columns.filter { $0.primaryKey }
            var target = ReferenceTarget(kind: .table, table: naming.tableName(for: .table, table.name), keyColumn: keys.first?.name, keyType: nil)
            if keys.count == 1, let key = keys.first, let spelling = key.type?.value, case let .success(type) = ColumnType.parse(spelling) {
                target.keyType = type
            }
            if keys.count != 1 { target.keyColumn = nil }
            targets[table.name] = target
        }
    }

    /// A table's row type lives in the same namespace as enum types.
    private func checkEnumNames(against tables: [Table]) {
        let tableNames = Set(tables.map(\.name))
        // A clash of DSL names is already reported by the namespace check.
        let dslNames = Set(decls.dimensions.map(\.body.name) + decls.facts.map(\.body.name) + decls.tables.map(\.name))
        for type in enums.values.sorted(by: { $0.name < $1.name }) where tableNames.contains(type.name) && !dslNames.contains(type.name) {
            error("duplicate-name", "enum '\(type.name)' has the name of a table; PostgreSQL types and tables share names", at: type.location)
        }
    }

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

    func enumType(named name: String) -> EnumType? { enums[name] }
    var enumNames: [String] { Array(enums.keys) }
}

/// What a foreign key can point at: a table's single-column primary key.
struct ReferenceTarget {
    var kind: TableKind
    var table: String
    /// nil when the table has no single-column primary key.
    var keyColumn: String?
    var keyType: ColumnType?
}
