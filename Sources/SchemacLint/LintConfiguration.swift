import SchemacIR

/// `lint_ignore: { rule-id: "reason" }` on an element: silences that rule's
/// findings on the element and on everything inside it.
public struct LintSilence: Hashable, Sendable {
    public var rule: String
    public var reason: String
    /// Where the rule id is written (for errors and unused silences).
    public var location: SourceLocation
    /// The element it is attached to, by the location of its name (or, for an
    /// index, of its list item): the same location the IR carries.
    public var element: SourceLocation

    public init(rule: String, reason: String, location: SourceLocation, element: SourceLocation) {
        self.rule = rule
        self.reason = reason
        self.location = location
        self.element = element
    }
}

/// The project's `lint:` levels and every `lint_ignore`, as the front end read them.
public struct LintConfiguration: Sendable {
    public struct LevelSetting: Hashable, Sendable {
        public var rule: String
        public var level: LintLevel
        public var location: SourceLocation
        public init(rule: String, level: LintLevel, location: SourceLocation) {
            self.rule = rule
            self.level = level
            self.location = location
        }
    }

    public var levels: [LevelSetting]
    public var silences: [LintSilence]

    public init(levels: [LevelSetting] = [], silences: [LintSilence] = []) {
        self.levels = levels
        self.silences = silences
    }

    /// The level a rule runs at: the project's choice, or the rule's default.
    public func level(of rule: LintRule) -> LintLevel {
        levels.last { $0.rule == rule.id }?.level ?? rule.defaultLevel
    }

    /// Rule ids that name no rule: a typo there would silently keep a rule on
    /// or a silence useless, so they are input errors, with "did you mean".
    public func problems() -> [Diagnostic] {
        let known = RuleCatalog.all.map(\.id)
        var problems: [Diagnostic] = []
        func check(_ id: String, _ at: SourceLocation, _ what: String) {
            guard RuleCatalog.rule(id) == nil else { return }
            let hint = Suggest.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(.error("unknown-lint-rule", "unknown lint rule '\(id)' in \(what)\(hint)", at: at))
        }
        for setting in levels { check(setting.rule, setting.location, "lint") }
        for silence in silences { check(silence.rule, silence.location, "lint_ignore") }
        return problems.sorted { ($0.location?.description ?? "") < ($1.location?.description ?? "") }
    }
}
