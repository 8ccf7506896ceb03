import SchemacIR
import SchemacPlanner

/// What `schemac lint` checks: the compiled schema and, when a snapshot is
/// known, the migration still pending from it.
public struct LintInput: Sendable {
    public var schema: Schema
    /// The pending migration (snapshot → schema) and the snapshot it starts
    /// from; nil skips the migration rules.
    public var pending: (plan: MigrationPlan, previous: Schema)?
    /// Where findings about what exists only in the snapshot (a dropped table) point.
    public var snapshotLocation: SourceLocation
    /// True for a name PostgreSQL needs quoted (the SQL dialect decides; lint
    /// does not depend on it).
    public var isReservedWord: @Sendable (String) -> Bool

    public init(
        schema: Schema, pending: (plan: MigrationPlan, previous: Schema)?, snapshotLocation: SourceLocation,
        isReservedWord: @escaping @Sendable (String) -> Bool
    ) {
        self.schema = schema
        self.pending = pending
        self.snapshotLocation = snapshotLocation
        self.isReservedWord = isReservedWord
    }
}

public enum Linter {
    /// Runs every rule, then applies the project's levels and silences.
    public static func run(_ input: LintInput, configuration: LintConfiguration) -> LintResult {
        let context = LintContext(schema: input.schema, isReservedWord: input.isReservedWord, fallback: input.snapshotLocation)
        var drafts = KeyRules.check(context) + WarehouseRules.check(context) + TypeRules.check(context)
            + IndexRules.check(context) + NamingRules.check(context)
        if let pending = input.pending {
            drafts += MigrationRules.check(pending.plan, previous: pending.previous, snapshot: input.snapshotLocation, context)
        }
        var result = LintResult()
        var used = Set<LintSilence>()
        apply(drafts, configuration, into: &result, used: &used)
        // Stale silences are found once every other finding is matched; they
        // can themselves be silenced on the same element, like any finding.
        apply(unusedSilences(configuration, used: used), configuration, into: &result, used: &used)
        result.findings.sort(by: LintFinding.ordered)
        result.silenced.sort { LintFinding.ordered($0.finding, $1.finding) }
        return result
    }

    /// Drops findings of rules turned off; files the rest as findings or, when
    /// a `lint_ignore` on their element or one containing it names the rule, as silenced.
    private static func apply(_ drafts: [Draft], _ configuration: LintConfiguration, into result: inout LintResult, used: inout Set<LintSilence>) {
        for draft in drafts {
            let level = configuration.level(of: draft.rule)
            guard level != .off else { continue }
            let finding = LintFinding(rule: draft.rule.id, level: level, message: draft.message, location: draft.location, scope: draft.scope)
            // The innermost silence wins, so the one nearest the finding is the one used.
            let silence = draft.scope.lazy.compactMap { element in
                configuration.silences.first { $0.rule == draft.rule.id && $0.element == element }
            }.first
            if let silence {
                used.insert(silence)
                result.silenced.append(SilencedFinding(finding: finding, reason: silence.reason, silencedAt: silence.location))
            } else {
                result.findings.append(finding)
            }
        }
    }

    /// Silences that matched nothing. Migration rules are left out: their
    /// findings come and go with the snapshot, so a silence for one is only
    /// needed until the migration is generated. Unknown rules are input errors
    /// (`LintConfiguration.problems`), silences of rules turned off are moot,
    /// and a silence of this rule itself is never reported.
    private static func unusedSilences(_ configuration: LintConfiguration, used: Set<LintSilence>) -> [Draft] {
        let rule = RuleCatalog.unusedLintIgnore
        return configuration.silences.compactMap { silence in
            guard !used.contains(silence), let silenced = RuleCatalog.rule(silence.rule), silenced.category != .migration,
                  silenced != rule, configuration.level(of: silenced) != .off else { return nil }
            return Draft(
                rule: rule, message: "lint_ignore of '\(silence.rule)' silences nothing here; remove it", location: silence.location,
                scope: [silence.element])
        }
    }
}
