import SchemacIR
import SchemacYAML

extension DeclarationReader {
    static let indexKeys = ["columns", "expression", "name", "unique", "where", "using", "include"]
    static let indexMethods = ["btree", "hash", "gist", "gin", "spgist", "brin"]

    func readIndexes(_ node: YAMLNode, of context: @autoclosure () -> String) -> [IndexDecl] {
        guard case let .sequence(items) = node.value else {
            reader.error("expected-list", "indexes of \(context()) must be a list", at: node)
            return []
        }
        return items.compactMap(readIndex)
    }

    private func readIndex(_ node: YAMLNode) -> IndexDecl? {
        guard let fields = reader.fields(node, allowed: Self.indexKeys, context: "an index") else { return nil }
        var index = IndexDecl(location: reader.location(node))
        if let columns = fields["columns"] { index.columns = reader.stringList(columns, "index columns") }
        if let expression = fields["expression"] { index.expression = reader.sqlExpression(expression, "index expression") }
        if (fields["columns"] == nil) == (fields["expression"] == nil) {
            reader.error("invalid-index", "an index needs either 'columns' or 'expression'", at: node)
            return nil
        }
        if let name = fields["name"], let text = reader.identifier(name, "index name") {
            index.name = Located(text, reader.location(name))
        }
        if let unique = fields["unique"] { index.unique = reader.bool(unique, "unique") ?? false }
        if let predicate = fields["where"] { index.predicate = reader.sqlExpression(predicate, "where") }
        if let include = fields["include"] { index.include = reader.stringList(include, "include") }
        if let using = fields["using"], let method = reader.string(using, "using") {
            if Self.indexMethods.contains(method.lowercased()) {
                index.method = method.lowercased()
            } else {
                reader.error(
                    "invalid-value",
                    "unknown index method '\(method)': expected one of \(Self.indexMethods.joined(separator: ", "))\(Suggestions.hint(for: method, in: Self.indexMethods))",
                    at: using)
            }
        }
        return index
    }
}
