import SchemacDSL
import SchemacLint

extension LintConfiguration {
    /// The front end's `lint:` and `lint_ignore` entries, as lint reads them.
    /// The front end already checked the level names.
    init(_ settings: LintSettings) {
        self.init(
            levels: settings.levels.compactMap { setting in
                LintLevel(rawValue: setting.level).map { LevelSetting(rule: setting.rule, level: $0, location: setting.location) }
            },
            silences: settings.ignores.map { LintSilence(rule: $0.rule, reason: $0.reason, location: $0.location, element: $0.element) })
    }
}
