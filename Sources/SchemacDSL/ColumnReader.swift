import Foundation
import SchemacIR
import SchemacYAML

/// Columns: a type string (`text?`) or a mapping of column keys.
extension DeclarationReader {
    static let columnKeys = [
        "type", "nullable", "default", "unique", "check", "references", "on_delete", "identity",
        "primary_key", "renamed_from", "comment", "index", "lint_ignore",
    ]

    func readColumns(_ node: YAMLNode, of context: @autoclosure () -> String) -> [ColumnDecl] {
        reader.namedEntries(node, context: "columns of \(context())").compactMap { name, key, value in
            guard reader.checkIdentifier(name, "column name", at: key) else { return nil }
            return readColumn(name, key: key, value)
        }
    }

    private func readColumn(_ name: String, key: YAMLNode, _ node: YAMLNode) -> ColumnDecl? {
        var column = ColumnDecl(name: name, location: reader.location(key))
        if case .scalar = node.value {
            guard let spelling = reader.string(node, "the type of column '\(name)'") else { return nil }
            setType(spelling, node, &column)
            return column
        }
        guard let fields = reader.fields(node, allowed: Self.columnKeys, context: "column '\(name)'") else { return nil }
        if let type = fields["type"], let spelling = reader.string(type, "type") { setType(spelling, type, &column) }
        if let nullable = fields["nullable"], let value = reader.bool(nullable, "nullable") {
            if column.nullable && !value {
                reader.error("conflict", "column '\(name)': type ends in '?' but nullable is false", at: nullable)
            }
            column.nullable = value
        }
        if let value = fields["default"] { readDefault(value, &column) }
        if let ignores = fields["lint_ignore"] { column.lintIgnores = readLintIgnores(ignores, element: column.location) }
        readFlags(fields, &column)
        readReference(fields, &column)
        if column.type == nil && column.references == nil {
            reader.error("missing-type", "column '\(name)' needs a type (or references)", at: key)
        }
        return column
    }

    private func setType(_ spelling: String, _ node: YAMLNode, _ column: inout ColumnDecl) {
        var text = spelling.trimmed(.whitespaces)
        // The byte test first: `hasSuffix` compares characters, out of line.
        if text.utf8.last == UInt8(ascii: "?") && text.hasSuffix("?") {
            text.removeLast()
            column.nullable = true
        }
        column.type = Located(text, reader.location(node))
    }

    private func readDefault(_ node: YAMLNode, _ column: inout ColumnDecl) {
        column.defaultLocation = reader.location(node)
        switch node.value {
        case let .scalar(s) where !s.isNull:
            column.defaultValue = .literal(s.text)
        case .mapping:
            guard let fields = reader.fields(node, allowed: ["sql"], context: "default") else { return }
            guard let sqlNode = fields["sql"] else {
                reader.error("invalid-default", "a default mapping needs 'sql'", at: node)
                return
            }
            if let sql = reader.sqlExpression(sqlNode, "default sql") { column.defaultValue = .sql(sql) }
        default:
            reader.error("invalid-default", "a default is a scalar or {sql: \"…\"}; for no default leave it out", at: node)
        }
    }

    private func readFlags(_ fields: Fields, _ column: inout ColumnDecl) {
        if let node = fields["unique"] { column.unique = reader.bool(node, "unique") ?? false }
        if let node = fields["primary_key"] { column.primaryKey = reader.bool(node, "primary_key") ?? false }
        if let node = fields["index"] { column.index = reader.bool(node, "index") }
        if let node = fields["check"] { column.check = reader.sqlExpression(node, "check") }
        if let node = fields["comment"] { column.comment = reader.string(node, "comment") }
        if let node = fields["renamed_from"], let old = reader.identifier(node, "renamed_from") {
            column.renamedFrom = Located(old, reader.location(node))
        }
        if let node = fields["identity"], let text = reader.string(node, "identity") {
            if let identity = Identity(rawValue: text) {
                column.identity = identity
            } else {
                reader.error("invalid-value", "unknown identity '\(text)': expected always or by default", at: node)
            }
        }
    }

    private func readReference(_ fields: Fields, _ column: inout ColumnDecl) {
        if let node = fields["references"], let target = reader.identifier(node, "references") {
            column.references = Located(target, reader.location(node))
        }
        if let node = fields["on_delete"], let text = reader.string(node, "on_delete") {
            if let action = ReferentialAction(rawValue: text.lowercased()) {
                // NO ACTION is PostgreSQL's default: spelling it out is not a change.
                column.onDelete = action == .noAction ? nil : action
            } else {
                let choices = ReferentialAction.allCases.map(\.rawValue)
                reader.error("invalid-value", "unknown on_delete '\(text)': expected \(choices.joined(separator: ", "))", at: node)
            }
            if column.references == nil && fields["references"] == nil {
                reader.error("invalid-value", "on_delete needs references", at: node)
            }
        }
    }
}
