/// A 1-based position in YAML text.
public struct Mark: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

/// A node of the lean YAML syntax tree: anchors and aliases already resolved
/// (an alias is a copy of its anchored node), merge keys (`<<`) applied, and a
/// position on every node.
public struct YAMLNode: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        /// Entries in document order; duplicate keys are reported, and the first one is kept.
        case mapping([Entry])
    }

    public struct Entry: Hashable, Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
        public init(key: YAMLNode, value: YAMLNode) { self.key = key; self.value = value }
    }

    public var value: Value
    /// Where the node starts (for an alias: where the anchored node starts).
    public var mark: Mark
    /// An explicit tag (`!!str`), if any.
    public var tag: String?

    public init(_ value: Value, mark: Mark, tag: String? = nil) {
        self.value = value
        self.mark = mark
        self.tag = tag
    }
}

/// A scalar's text and how it was written: `true` and `"true"` differ.
public struct Scalar: Hashable, Sendable {
    public enum Style: Hashable, Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) { self.text = text; self.style = style }

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNull: Bool {
        // This runs for nearly every scalar read: the length test settles most
        // cases without a string comparison (an out-of-line call when unequal).
        guard style == .plain, text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A plain YAML 1.2 boolean.
    public var bool: Bool? {
        guard style == .plain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A plain decimal integer.
    public var int: Int? { style == .plain ? Int(text) : nil }
}

/// A problem in YAML text. Syntax errors end the parse; duplicate keys do not.
public struct YAMLProblem: Error, Hashable, Sendable {
    public var message: String
    public var mark: Mark
    public init(_ message: String, at mark: Mark) { self.message = message; self.mark = mark }
}

/// What `YAMLReader.parse` returns: the document's root (nil for an empty
/// document or after a syntax error) and every problem found.
public struct YAMLDocument: Sendable {
    public var root: YAMLNode?
    public var problems: [YAMLProblem]
    public init(root: YAMLNode?, problems: [YAMLProblem]) { self.root = root; self.problems = problems }
}
