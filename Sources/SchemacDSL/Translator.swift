import SchemacIR

/// Turns the declarations of all files into the IR: resolves names, expands
/// the warehouse structure (surrogate keys, SCD2, closure tables) and checks
/// everything, reporting all problems.
///
/// The checks across tables run here; each dimension, fact and plain table is
/// translated by a `TableTranslator`, in chunks on all cores.
final class Translator {
    let decls: SchemaDeclarations
    private(set) var diagnostics: Diagnostics
    let naming: NamingConventions
    let schemaName: String

    init(_ decls: SchemaDeclarations, diagnostics: Diagnostics) {
        self.decls = decls
        self.diagnostics = diagnostics
        naming = decls.naming?.value ?? NamingConventions()
        schemaName = decls.schemaName?.value ?? "public"
    }

    func error(_ code: String, _ message: String, at location: SourceLocation?) {
        diagnostics.error(code, message, at: location)
    }

    func translate() -> Schema {
        let namesAreUnique = checkNamespace()
        let scope = TranslationScope(decls: decls, naming: naming, enums: translateEnums(), targets: collectTargets())
        let (tables, extraExtensions) = translateTables(in: scope, concurrently: namesAreUnique)
        checkRelationNames(tables)
        checkEnumNames(scope.enums, against: tables)
        let extensions = decls.extensions.map(\.value) + extraExtensions
        return Schema(name: schemaName, extensions: extensions, enums: Array(scope.enums.values), tables: tables)
    }

    /// Every dimension, then every fact, then every plain table, each chunk with its own
    /// diagnostics, merged in that order: the same tables and diagnostics as one pass.
    ///
    /// A table's broken columns (see `TableTranslator.markBroken`) are keyed by its DSL
    /// name, which only clashes when the namespace check failed: then one chunk keeps
    /// a clash's later tables seeing the earlier ones' broken columns, as before.
    private func translateTables(in scope: TranslationScope, concurrently: Bool) -> ([Table], Set<String>) {
        let count = decls.dimensions.count + decls.facts.count + decls.tables.count
        let chunks = Chunks.map(count, limit: concurrently ? Chunks.defaultLimit : 1) { range in
            let translator = TableTranslator(scope)
            var tables: [Table] = []
            for item in range { tables += translator.translate(item: item) }
            return (tables, translator.diagnostics, translator.extraExtensions)
        }
        var tables: [Table] = []
        tables.reserveCapacity(chunks.reduce(0) { $0 + $1.0.count })
        var extensions: Set<String> = []
        for (chunkTables, chunkDiagnostics, chunkExtensions) in chunks {
            tables += chunkTables
            diagnostics.append(contentsOf: chunkDiagnostics)
            extensions.formUnion(chunkExtensions)
        }
        return (tables, extensions)
    }

    /// Dimensions, facts, tables and enums share one namespace.
    /// Returns false when two of them clash.
    private func checkNamespace() -> Bool {
        var unique = true
        var seen: [String: (String, SourceLocation)] = [:]
        var all: [(kind: String, name: String, location: SourceLocation)] = []
        all += decls.enums.map { ("enum", $0.name, $0.location) }
        all += decls.dimensions.map { ("dimension", $0.body.name, $0.body.location) }
        all += decls.facts.map { ("fact", $0.body.name, $0.body.location) }
        all += decls.tables.map { ("table", $0.name, $0.location) }
        for (kind, name, location) in all.sorted(by: { $0.location < $1.location }) {
            if let (firstKind, first) = seen[name] {
                error("duplicate-name", "\(kind) '\(name)' is already defined as \(firstKind == "enum" ? "an" : "a") \(firstKind) at \(first)", at: location)
                unique = false
            } else {
                seen[name] = (kind, location)
            }
        }
        return unique
    }

    private func translateEnums() -> [String: EnumType] {
        var enums: [String: EnumType] = [:]
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
        return enums
    }

    private func collectTargets() -> [String: ReferenceTarget] {
        var targets: [String: ReferenceTarget] = [:]
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
        return targets
    }

    /// A table's row type lives in the same namespace as enum types.
    private func checkEnumNames(_ enums: [String: EnumType], against tables: [Table]) {
        let tableNames = Set(tables.map(\.name))
        // A clash of DSL names is already reported by the namespace check.
        let dslNames = Set(decls.dimensions.map(\.body.name) + decls.facts.map(\.body.name) + decls.tables.map(\.name))
        for type in enums.values.sorted(by: { $0.name < $1.name }) where tableNames.contains(type.name) && !dslNames.contains(type.name) {
            error("duplicate-name", "enum '\(type.name)' has the name of a table; PostgreSQL types and tables share names", at: type.location)
        }
    }
}

/// What a foreign key can point at: a table's single-column primary key.
struct ReferenceTarget: Sendable {
    var kind: TableKind
    var table: String
    /// nil when the table has no single-column primary key.
    var keyColumn: String?
    var keyType: ColumnType?
}
