/// The model as DSL text: one deterministic YAML document.
extension WarehouseModel {
    public func yaml() -> String {
        var out = ["# A synthetic warehouse from WarehouseSynth.", "schema: \(schema)"]
        if !extensions.isEmpty { out.append("extensions: [\(extensions.map(YAML.scalar).joined(separator: ", "))]") }
        if !enums.isEmpty {
            out.append("enums:")
            for type in enums { out.append("  \(type.name): [\(type.values.map(YAML.scalar).joined(separator: ", "))]") }
        }
        for (kind, section) in [(TableKind.dimension, "dimensions"), (.fact, "facts"), (.table, "tables")] {
            let members = tables.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            out.append("\(section):")
            for table in members { out += render(table) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ table: TableSpec) -> [String] {
        var out = ["  \(table.name):"]
        if let comment = table.comment { out.append("    comment: \(YAML.quoted(comment))") }
        if let old = table.renamedFrom { out.append("    renamed_from: \(old)") }
        switch table.kind {
        case .dimension:
            if table.history == .scd2 {
                out.append(table.noOverlap ? "    history: { type: scd2, no_overlap: true }" : "    history: scd2")
            } else if YAML.stableBit(table.name) {
                out.append("    history: scd1")
            }
            if !table.key.isEmpty { out.append("    key: [\(table.key.joined(separator: ", "))]") }
            if table.hierarchy { out.append("    hierarchy: closure") }
        case .fact:
            let references = table.references.map { ref in
                ref.role.map { "{ dimension: \(ref.dimension), role: \($0) }" } ?? ref.dimension
            }
            out.append("    dimensions: [\(references.joined(separator: ", "))]")
            if !table.grain.isEmpty { out.append("    grain: [\(table.grain.joined(separator: ", "))]") }
        case .table:
            break
        }
        let plain = table.columns.filter { !$0.isMeasure }
        if !plain.isEmpty {
            out.append("    columns:")
            out += plain.map { "      \($0.name): \(render($0))" }
        }
        let measures = table.columns.filter(\.isMeasure)
        if !measures.isEmpty {
            out.append("    measures:")
            out += measures.map { "      \($0.name): \(render($0))" }
        }
        if !table.indexes.isEmpty {
            out.append("    indexes:")
            out += table.indexes.map { "      - \(render($0))" }
        }
        if !table.checks.isEmpty {
            out.append("    checks:")
            out += table.checks.map { "      \($0.name): \(YAML.quoted($0.rule.expression($0.column)))" }
        }
        return out
    }

    /// `"varchar(20)?"` when the type says it all, else a flow mapping.
    private func render(_ column: ColumnSpec) -> String {
        var type = column.type.canonical
        if let alias = column.type.alias, YAML.stableBit(column.name + "alias") { type = alias }
        var fields: [String] = []
        if column.references == nil { fields.append("type: \(YAML.quoted(type))") }
        if column.nullable { fields.append("nullable: true") }
        if let value = column.defaultValue {
            switch value {
            case let .literal(text): fields.append("default: \(column.type.isString || column.type == .date || column.type == .jsonb ? YAML.quoted(text) : YAML.scalar(text))")
            case let .sql(sql): fields.append("default: { sql: \(YAML.quoted(sql)) }")
            }
        }
        if column.unique { fields.append("unique: true") }
        if let rule = column.check { fields.append("check: \(YAML.quoted(rule.expression(column.name)))") }
        if let target = column.references { fields.append("references: \(target)") }
        if let action = column.onDelete { fields.append("on_delete: \(YAML.quoted(action))") }
        if let identity = column.identity { fields.append("identity: \(YAML.quoted(identity))") }
        if column.primaryKey { fields.append("primary_key: true") }
        if column.indexed { fields.append("index: true") }
        if let old = column.renamedFrom { fields.append("renamed_from: \(old)") }
        if let comment = column.comment { fields.append("comment: \(YAML.quoted(comment))") }
        if fields.count == 1, column.references == nil { return YAML.quoted(type) }
        if fields.count == 2, column.nullable, column.references == nil, YAML.stableBit(column.name) {
            return YAML.quoted(type + "?")
        }
        return "{ " + fields.joined(separator: ", ") + " }"
    }

    private func render(_ index: IndexSpec) -> String {
        var fields: [String] = []
        if let column = index.lowerOf {
            fields.append("expression: \(YAML.quoted("lower(\(SQLWords.identifier(column)))"))")
        } else {
            let keys = index.columns.map { $0.descending ? YAML.quoted($0.name + " DESC") : $0.name }
            fields.append("columns: [\(keys.joined(separator: ", "))]")
        }
        if index.unique { fields.append("unique: true") }
        if let predicate = index.predicate { fields.append("where: \(YAML.quoted(predicate.expression))") }
        if index.gin { fields.append("using: gin") }
        if !index.include.isEmpty { fields.append("include: [\(index.include.joined(separator: ", "))]") }
        if let name = index.name { fields.append("name: \(name)") }
        return "{ " + fields.joined(separator: ", ") + " }"
    }
}

enum YAML {
    /// A double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// A plain scalar when it is a safe word or number, else quoted.
    static func scalar(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") }
            && !["yes", "no", "on", "off", "null", "~", "y", "n"].contains(text.lowercased()) && text.first != "-"
        return safe ? text : quoted(text)
    }

    /// A stable yes/no from a name (FNV-1a), for choices of spelling that must not change the schema.
    static func stableBit(_ text: String) -> Bool {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash & 4 == 0
    }
}
