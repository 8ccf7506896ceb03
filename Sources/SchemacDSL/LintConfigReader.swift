import Foundation
import SchemacIR
import SchemacYAML

/// The `lint:` section and every `lint_ignore`, as written. Rule ids are not
/// known to the front end (they belong to `schemac lint`, which checks them);
/// here only the shape is checked. None of it is part of the schema or the
/// snapshot: `generate` reads and ignores it.
public struct LintSettings: Sendable {
    /// `lint: { rule-id: level }`.
    public struct Level: Sendable {
        public var rule: String
        public var level: String
        public var location: SourceLocation
    }

    /// `lint_ignore: { rule-id: "reason" }` on a dimension, fact, table, column or index.
    public struct Ignore: Sendable {
        public var rule: String
        public var reason: String
        /// Where the rule id is written.
        public var location: SourceLocation
        /// The element it is attached to: the location the IR gives that
        /// element (its name, or for an index its list item).
        public var element: SourceLocation
    }

    public static let levelNames = ["error", "warning", "note", "off"]

    public var levels: [Level] = []
    public var ignores: [Ignore] = []

    public init() {}
}

extension DeclarationReader {
    func readLintLevels(_ node: YAMLNode) -> [LintSettings.Level] {
        reader.namedEntries(node, context: "lint").compactMap { rule, key, value in
            guard let level = reader.string(value, "the level of lint rule '\(rule)'") else { return nil }
            guard LintSettings.levelNames.contains(level) else {
                let hint = Suggestions.hint(for: level, in: LintSettings.levelNames)
                reader.error("invalid-value", "unknown lint level '\(level)' for '\(rule)': expected error, warning, note or off\(hint)", at: value)
                return nil
            }
            return LintSettings.Level(rule: rule, level: level, location: reader.location(key))
        }
    }

    /// A silence must say why: an unexplained one cannot be reviewed.
    func readLintIgnores(_ node: YAMLNode, element: SourceLocation) -> [LintSettings.Ignore] {
        reader.namedEntries(node, context: "lint_ignore").compactMap { rule, key, value in
            guard case let .scalar(s) = value.value, !s.isNull, !s.text.trimmed(.whitespacesAndNewlines).isEmpty else {
                reader.error("missing-reason", "lint_ignore of '\(rule)' needs a reason: write why the finding does not apply", at: value)
                return nil
            }
            return LintSettings.Ignore(rule: rule, reason: s.text.trimmed(.whitespacesAndNewlines), location: reader.location(key), element: element)
        }
    }

    /// Reads the `lint_ignore` of each index item and returns the list without
    /// them, so the index reader sees only index keys.
    func strippingLintIgnores(_ indexes: YAMLNode, into ignores: inout [LintSettings.Ignore]) -> YAMLNode {
        // Rebuilding the list is only worth it when an item has a lint_ignore.
        guard case let .sequence(items) = indexes.value, items.contains(where: hasLintIgnore) else { return indexes }
        var stripped = indexes
        stripped.value = .sequence(items.map { item in
            guard case let .mapping(entries) = item.value else { return item }
            var copy = item
            copy.value = .mapping(entries.filter { entry in
                guard reader.scalarText(entry.key) == "lint_ignore" else { return true }
                ignores += readLintIgnores(entry.value, element: reader.location(item))
                return false
            })
            return copy
        })
        return stripped
    }

    private func hasLintIgnore(_ item: YAMLNode) -> Bool {
        guard case let .mapping(entries) = item.value else { return false }
        return entries.contains { reader.scalarText($0.key) == "lint_ignore" }
    }
}

extension SchemaDeclarations {
    /// Every lint setting of every file, for `CompiledSchema.lint`.
    var lintSettings: LintSettings {
        var settings = LintSettings()
        settings.levels = lint?.value ?? []
        // Loops rather than `map(\.body)` and `flatMap`: those copied every
        // declaration and built an array per table, nearly all of them empty.
        for dimension in dimensions { Self.collectIgnores(of: dimension.body, into: &settings.ignores) }
        for fact in facts { Self.collectIgnores(of: fact.body, into: &settings.ignores) }
        for table in tables { Self.collectIgnores(of: table, into: &settings.ignores) }
        for fact in facts {
            for measure in fact.measures where !measure.lintIgnores.isEmpty { settings.ignores += measure.lintIgnores }
        }
        return settings
    }

    private static func collectIgnores(of body: TableBody, into ignores: inout [LintSettings.Ignore]) {
        ignores += body.lintIgnores
        for column in body.columns where !column.lintIgnores.isEmpty { ignores += column.lintIgnores }
    }
}
