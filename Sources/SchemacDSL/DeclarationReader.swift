import Foundation
import SchemacIR
import SchemacYAML

/// Reads one file's YAML tree into declarations.
struct DeclarationReader {
    let reader: Reader

    static let topLevelKeys = ["schema", "extensions", "naming", "migration", "lint", "enums", "dimensions", "facts", "tables"]
    static let bodyKeys = ["columns", "indexes", "checks", "renamed_from", "comment", "lint_ignore"]
    static let dimensionKeys = bodyKeys + ["history", "key", "hierarchy"]
    static let factKeys = bodyKeys + ["dimensions", "grain", "measures"]

    func read(_ root: YAMLNode, into decls: inout SchemaDeclarations) {
        guard let top = reader.fields(root, allowed: Self.topLevelKeys, context: "the schema file") else { return }
        if let node = top["schema"], let name = reader.identifier(node, "schema name") {
            decls.schemaName = Located(name, reader.location(node))
        }
        if let node = top["extensions"] {
            decls.extensions += reader.stringList(node, "extensions").filter { checkExtension($0, node) }
        }
        if let node = top["naming"] { decls.naming = Located(readNaming(node), reader.location(node)) }
        if let node = top["migration"] { decls.migration = Located(readMigration(node), reader.location(node)) }
        if let node = top["lint"] { decls.lint = Located(readLintLevels(node), reader.location(node)) }
        if let node = top["enums"] { decls.enums += readEnums(node) }
        if let node = top["dimensions"] {
            decls.dimensions += readEntries(node, context: "dimensions") { $0.readDimension($1, $2, $3) }
        }
        if let node = top["facts"] {
            decls.facts += readEntries(node, context: "facts") { $0.readFact($1, $2, $3) }
        }
        if let node = top["tables"] {
            decls.tables += readEntries(node, context: "tables") { reader, name, key, value in
                reader.readBody(name, key, value, allowed: Self.bodyKeys, context: "table '\(name)'", hints: Self.tableHints).map(\.0)
            }
        }
    }

    /// The definitions of a name → definition mapping, read in chunks on all cores.
    /// Entries are independent and a reader's only state is what it reported, so each
    /// chunk reports to a reader of its own, taken over in entry order: the same
    /// declarations and diagnostics as reading them one after another.
    private func readEntries<Decl: Sendable>(
        _ node: YAMLNode, context: String, _ read: @Sendable (DeclarationReader, String, YAMLNode, YAMLNode) -> Decl?
    ) -> [Decl] {
        let entries = reader.namedEntries(node, context: context)
        let file = reader.file
        let chunks = Chunks.map(entries.count) { range in
            let chunkReader = DeclarationReader(reader: Reader(file: file))
            let decls = entries[range].compactMap { read(chunkReader, $0.name, $0.key, $0.value) }
            return (decls, chunkReader.reader.diagnostics)
        }
        for (_, diagnostics) in chunks { reader.report(contentsOf: diagnostics) }
        return chunks.flatMap(\.0)
    }

    private func checkExtension(_ name: Located<String>, _ node: YAMLNode) -> Bool {
        let valid = !name.value.isEmpty && name.value.utf8.allSatisfy { c in
            c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
        }
        if !valid {
            reader.error("invalid-extension", "invalid extension name '\(name.value)'", at: name.location)
        }
        return valid
    }

    static let tableHints = hierarchyHint("table")
    static let factHints = hierarchyHint("fact")

    private static func hierarchyHint(_ kind: String) -> [String: String] {
        ["hierarchy": "a hierarchy is only allowed on a dimension, not on a \(kind)"]
    }

    private func readNaming(_ node: YAMLNode) -> NamingConventions {
        var naming = NamingConventions()
        guard let fields = reader.fields(node, allowed: ["dimension", "fact", "table", "closure"], context: "naming") else { return naming }
        for field in fields.entries {
            guard let pattern = reader.string(field.value, "naming.\(field.name)") else { continue }
            let placeholder = field.name == "closure" ? "{table}" : "{name}"
            guard pattern.contains(placeholder) else {
                reader.error("invalid-naming", "naming.\(field.name) must contain \(placeholder)", at: field.value)
                continue
            }
            switch field.name {
            case "dimension": naming.dimension = pattern
            case "fact": naming.fact = pattern
            case "table": naming.table = pattern
            default: naming.closure = pattern
            }
        }
        return naming
    }

    private func readMigration(_ node: YAMLNode) -> MigrationSettings {
        var settings = MigrationSettings()
        let keys = ["lock_timeout", "statement_timeout", "index_statement_timeout"]
        guard let fields = reader.fields(node, allowed: keys, context: "migration") else { return settings }
        for field in fields.entries {
            guard let value = reader.string(field.value, "migration.\(field.name)") else { continue }
            guard value.range(of: #"^[0-9]+\s*(ms|s|min|h|d)?$"#, options: .regularExpression) != nil else {
                reader.error("invalid-timeout", "invalid duration '\(value)' for \(field.name): use e.g. 500ms, 5s, 10min, 1h", at: field.value)
                continue
            }
            switch field.name {
            case "lock_timeout": settings.lockTimeout = value
            case "statement_timeout": settings.statementTimeout = value
            default: settings.indexStatementTimeout = value
            }
        }
        return settings
    }

    private func readEnums(_ node: YAMLNode) -> [EnumDecl] {
        reader.namedEntries(node, context: "enums").compactMap { name, key, value in
            guard reader.checkIdentifier(name, "enum name", at: key) else { return nil }
            guard case .sequence = value.value else {
                reader.error("expected-list", "enum '\(name)' must be a list of values", at: value)
                return nil
            }
            return EnumDecl(name: name, location: reader.location(key), values: reader.stringList(value, "enum '\(name)' values"))
        }
    }
}
