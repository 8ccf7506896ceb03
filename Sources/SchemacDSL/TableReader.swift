import SchemacIR
import SchemacYAML

/// Dimensions, facts and the parts every table has.
extension DeclarationReader {
    func readBody(
        _ name: String, _ key: YAMLNode, _ node: YAMLNode, allowed: [String], context: @autoclosure () -> String, hints: [String: String] = [:]
    )
        -> (TableBody, Fields)?
    {
        guard reader.checkIdentifier(name, "name", at: key) else { return nil }
        guard let fields = reader.fields(node, allowed: allowed, context: context(), hints: hints) else { return nil }
        var body = TableBody(name: name, location: reader.location(key))
        if let columns = fields["columns"] { body.columns = readColumns(columns, of: context()) }
        if let indexes = fields["indexes"] { body.indexes = readIndexes(strippingLintIgnores(indexes, into: &body.lintIgnores), of: context()) }
        if let ignores = fields["lint_ignore"] { body.lintIgnores += readLintIgnores(ignores, element: body.location) }
        if let checks = fields["checks"] {
            body.checks = reader.namedEntries(checks, context: "checks of \(context())").compactMap { checkName, checkKey, value in
                guard reader.checkIdentifier(checkName, "check name", at: checkKey),
                      let expression = reader.sqlExpression(value, "check '\(checkName)'") else { return nil }
                return CheckDecl(name: checkName, expression: expression, location: reader.location(checkKey))
            }
        }
        if let old = fields["renamed_from"], let oldName = reader.identifier(old, "renamed_from") {
            body.renamedFrom = Located(oldName, reader.location(old))
        }
        if let comment = fields["comment"] { body.comment = reader.string(comment, "comment") }
        return (body, fields)
    }

    func readDimension(_ name: String, _ key: YAMLNode, _ node: YAMLNode) -> DimensionDecl? {
        guard let (body, fields) = readBody(name, key, node, allowed: Self.dimensionKeys, context: "dimension '\(name)'") else { return nil }
        var dimension = DimensionDecl(body: body)
        if let history = fields["history"] { readHistory(history, into: &dimension) }
        if let keyNode = fields["key"] {
            dimension.key = reader.stringList(keyNode, "key")
            dimension.keyLocation = reader.location(keyNode)
        }
        if let hierarchy = fields["hierarchy"] { dimension.hierarchy = readHierarchy(hierarchy) }
        return dimension
    }

    private func readHistory(_ node: YAMLNode, into dimension: inout DimensionDecl) {
        var typeNode = node
        if case .mapping = node.value {
            guard let fields = reader.fields(node, allowed: ["type", "no_overlap"], context: "history") else { return }
            guard let type = fields["type"] else {
                reader.error("missing-key", "history needs a 'type' (scd1 or scd2)", at: node)
                return
            }
            typeNode = type
            if let overlap = fields["no_overlap"] { dimension.noOverlap = reader.bool(overlap, "no_overlap") ?? false }
        }
        guard let text = reader.string(typeNode, "history") else { return }
        guard let history = History(rawValue: text) else {
            reader.error("invalid-value", "unknown history '\(text)': expected scd1 or scd2\(Suggestions.hint(for: text, in: ["scd1", "scd2"]))", at: typeNode)
            return
        }
        dimension.history = history
        if dimension.noOverlap && history != .scd2 {
            reader.error("invalid-value", "no_overlap needs history scd2", at: node)
        }
    }

    private func readHierarchy(_ node: YAMLNode) -> HierarchyDecl? {
        var decl = HierarchyDecl(location: reader.location(node))
        if case let .scalar(s) = node.value {
            guard s.text == "closure" else {
                reader.error("invalid-value", "unknown hierarchy '\(s.text)': expected closure", at: node)
                return nil
            }
            return decl
        }
        guard let fields = reader.fields(node, allowed: ["parent", "closure_table", "maintain"], context: "hierarchy") else { return nil }
        if let parent = fields["parent"], let name = reader.identifier(parent, "parent column") {
            decl.parent = Located(name, reader.location(parent))
        }
        if let table = fields["closure_table"], let name = reader.identifier(table, "closure table name") {
            decl.closureTable = Located(name, reader.location(table))
        }
        if let maintain = fields["maintain"], let text = reader.string(maintain, "maintain") {
            if let mode = Hierarchy.Maintenance(rawValue: text) {
                decl.maintain = mode
            } else {
                reader.error("invalid-value", "unknown maintain '\(text)': expected trigger or none", at: maintain)
            }
        }
        return decl
    }

    func readFact(_ name: String, _ key: YAMLNode, _ node: YAMLNode) -> FactDecl? {
        guard let (body, fields) = readBody(name, key, node, allowed: Self.factKeys, context: "fact '\(name)'", hints: Self.factHints)
        else { return nil }
        var fact = FactDecl(body: body)
        if let dimensions = fields["dimensions"] { fact.dimensions = readDimensionRefs(dimensions) }
        if let grain = fields["grain"] { fact.grain = reader.stringList(grain, "grain") }
        if let measures = fields["measures"] { fact.measures = readColumns(measures, of: "fact '\(name)'") }
        return fact
    }

    private func readDimensionRefs(_ node: YAMLNode) -> [DimensionRefDecl] {
        guard case let .sequence(items) = node.value else {
            reader.error("expected-list", "expected a list of dimensions", at: node)
            return []
        }
        return items.compactMap { item in
            if case .scalar = item.value {
                return reader.identifier(item, "dimension").map { DimensionRefDecl(dimension: Located($0, reader.location(item))) }
            }
            guard let fields = reader.fields(item, allowed: ["dimension", "role"], context: "a dimension reference") else { return nil }
            guard let dimNode = fields["dimension"] else {
                reader.error("missing-key", "a dimension reference needs 'dimension'", at: item)
                return nil
            }
            guard let dimension = reader.identifier(dimNode, "dimension") else { return nil }
            var ref = DimensionRefDecl(dimension: Located(dimension, reader.location(dimNode)))
            if let roleNode = fields["role"], let role = reader.identifier(roleNode, "role") {
                ref.role = Located(role, reader.location(roleNode))
            }
            return ref
        }
    }
}
