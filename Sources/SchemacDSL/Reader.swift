import Foundation
import SchemacIR
import SchemacYAML

/// Reads typed values out of YAML nodes of one file, reporting every problem
/// with its location instead of stopping at the first.
final class Reader {
    let file: String
    private(set) var diagnostics: Diagnostics

    init(file: String, diagnostics: Diagnostics = Diagnostics()) {
        self.file = file
        self.diagnostics = diagnostics
    }

    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    func error(_ code: String, _ message: String, at node: YAMLNode) {
        diagnostics.error(code, message, at: location(node))
    }

    func error(_ code: String, _ message: String, at location: SourceLocation) {
        diagnostics.error(code, message, at: location)
    }

    /// Takes over what another reader of the same file reported.
    func report(contentsOf other: Diagnostics) { diagnostics.append(contentsOf: other) }

    /// The entries of a mapping, checked against the keys allowed in `context`.
    ///
    /// `context` (like every `what` below) only names the node in messages, so it is an
    /// autoclosure: building it for each of thousands of valid nodes costs more than reading them.
    func fields(_ node: YAMLNode, allowed: [String], context: @autoclosure () -> String, hints: [String: String] = [:]) -> Fields? {
        guard case let .mapping(entries) = node.value else {
            error("expected-mapping", "expected a mapping for \(context())", at: node)
            return nil
        }
        var result = Fields(node: node)
        for entry in entries {
            guard let key = scalarText(entry.key) else {
                error("invalid-key", "keys in \(context()) must be plain names", at: entry.key)
                continue
            }
            if allowed.contains(where: { $0.isSameKey(as: key) }) {
                result.entries.append(Fields.Field(name: key, key: entry.key, value: entry.value))
            } else if let hint = hints[key] {
                error("unknown-key", "\(hint)", at: entry.key)
            } else {
                error("unknown-key", "unknown key '\(key)' in \(context())\(Suggestions.hint(for: key, in: allowed))", at: entry.key)
            }
        }
        return result
    }

    /// The entries of a name → definition mapping (`dimensions:`, `columns:`…), in document order.
    func namedEntries(_ node: YAMLNode, context: @autoclosure () -> String) -> [(name: String, key: YAMLNode, value: YAMLNode)] {
        if case let .scalar(s) = node.value, s.isNull { return [] }
        guard case let .mapping(entries) = node.value else {
            error("expected-mapping", "expected a mapping of names to definitions for \(context())", at: node)
            return []
        }
        return entries.compactMap { entry in
            guard let name = scalarText(entry.key) else {
                error("invalid-key", "names in \(context()) must be scalars", at: entry.key)
                return nil
            }
            return (name, entry.key, entry.value)
        }
    }

    func scalarText(_ node: YAMLNode) -> String? {
        if case let .scalar(s) = node.value, !s.isNull { return s.text }
        return nil
    }

    func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard case let .scalar(s) = node.value, !s.isNull else {
            error("expected-string", "expected a string for \(what())", at: node)
            return nil
        }
        return s.text
    }

    func bool(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Bool? {
        guard case let .scalar(s) = node.value, let value = s.bool else {
            error("expected-bool", "expected true or false for \(what())", at: node)
            return nil
        }
        return value
    }

    /// A name that must be a lower snake_case identifier.
    func identifier(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard let text = string(node, what()) else { return nil }
        return checkIdentifier(text, what(), at: node) ? text : nil
    }

    @discardableResult
    func checkIdentifier(_ text: String, _ what: @autoclosure () -> String, at node: YAMLNode) -> Bool {
        if !text.isIdentifier {
            error("invalid-identifier", "invalid \(what()) '\(text)': names are lower snake_case ([a-z_][a-z0-9_]*)", at: node)
            return false
        }
        if text.utf8.count > ObjectName.maxBytes {
            error("identifier-too-long", "\(what()) '\(text)' is longer than PostgreSQL's 63 bytes", at: node)
            return false
        }
        return true
    }

    /// A list of scalars; a single scalar counts as a list of one.
    func stringList(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [Located<String>] {
        switch node.value {
        case let .scalar(s) where !s.isNull:
            return [Located(s.text, location(node))]
        case let .sequence(items):
            return items.compactMap { item in string(item, what()).map { Located($0, location(item)) } }
        default:
            error("expected-list", "expected a list for \(what())", at: node)
            return []
        }
    }
}

/// The recognised keys of one mapping.
struct Fields {
    struct Field {
        var name: String
        var key: YAMLNode
        var value: YAMLNode
    }

    var node: YAMLNode
    var entries: [Field] = []

    subscript(_ name: String) -> YAMLNode? { entries.first { $0.name.isSameKey(as: name) }?.value }

    func key(_ name: String) -> YAMLNode? { entries.first { $0.name.isSameKey(as: name) }?.key }
}

/// A value and where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
    init(_ value: Value, _ location: SourceLocation) { self.value = value; self.location = location }
}

extension Located: Sendable where Value: Sendable {}

extension Reader {
    /// An SQL expression emitted verbatim (checks, predicates, `{sql:}` defaults):
    /// trimmed, and refused when it could end the statement it is placed in —
    /// a `;`, or a `--` / `/*` comment that would swallow a closing parenthesis.
    func sqlExpression(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
        guard let text = string(node, what()) else { return nil }
        let expression = text.trimmed(.whitespacesAndNewlines)
        if expression.isEmpty {
            error("invalid-sql", "\(what()) is empty", at: node)
            return nil
        }
        if let problem = SQLFragment.unsafeToken(in: expression) {
            error("invalid-sql", "\(what()) must be one SQL expression: '\(problem)' outside quotes is not allowed", at: node)
            return nil
        }
        return expression
    }
}

enum SQLFragment {
    /// The first `;`, `--` or `/*` outside quoted text, if any.
    static func unsafeToken(in sql: String) -> String? {
        // All of these are ASCII, so a character that is not a single ASCII
        // scalar (asciiValue nil) matches none of them. In ASCII text the only
        // multi-scalar character is CR LF, which matches none either, so bytes
        // give the same answer there, without grapheme breaking.
        if sql.utf8.allSatisfy({ $0 < 0x80 }) { return unsafeToken(in: sql.utf8) }
        return unsafeToken(in: sql.lazy.map { $0.asciiValue ?? 0 })
    }

    private static func unsafeToken(in sql: some Sequence<UInt8>) -> String? {
        var quote: UInt8?
        var previous: UInt8?
        for ch in sql {
            if let open = quote {
                if ch == open { quote = nil }
            } else if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                quote = ch
            } else if ch == UInt8(ascii: ";") {
                return ";"
            } else if previous == UInt8(ascii: "-") && ch == UInt8(ascii: "-") {
                return "--"
            } else if previous == UInt8(ascii: "/") && ch == UInt8(ascii: "*") {
                return "/*"
            }
            previous = quote == nil ? ch : nil
        }
        return nil
    }
}

extension String {
    /// `==`, with the byte counts compared first: keys are looked up by scanning
    /// short lists, most candidates differ in length, and `==` on strings that
    /// differ is an out-of-line call.
    func isSameKey(as other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
    }

    /// `trimmingCharacters(in:)`, skipped when there is nothing to trim: the
    /// Foundation call bridges to NSString and is costly even then. Text that
    /// starts and ends with printable ASCII has no white space at either end.
    /// The set is an autoclosure because even getting `.whitespaces` costs ~900
    /// instructions, which the fast path never needs.
    func trimmed(_ set: @autoclosure () -> CharacterSet) -> String {
        let printable = UInt8(ascii: "!")...UInt8(ascii: "~")
        guard let first = utf8.first, let last = utf8.last else { return self }
        if printable.contains(first) && printable.contains(last) { return self }
        return trimmingCharacters(in: set())
    }
}
