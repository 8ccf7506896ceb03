import SchemacPlanner

/// Every rule `schemac lint` knows, in the order the docs list them. Ids are a
/// public contract (configs and `lint_ignore` keys name them): never rename one.
public enum RuleCatalog {
    public static let tableWithoutPrimaryKey = LintRule(
        "table-without-primary-key", .design, .error,
        "without a primary key, duplicate rows cannot be told apart, updated or replicated (logical replication needs a replica identity)")
    public static let foreignKeyWithoutIndex = LintRule(
        "foreign-key-without-index", .design, .warning,
        "deleting or updating a referenced row scans the whole referencing table, and joins on the key cannot use an index")
    public static let floatingPointMoney = LintRule(
        "floating-point-money", .design, .error,
        "real and double precision cannot hold most decimal amounts exactly, and their sums drift with summation order; use numeric(p,s)")
    public static let reservedWordIdentifier = LintRule(
        "reserved-word-identifier", .naming, .warning,
        "a reserved word must be double-quoted in every hand-written query, report and BI tool, forever")
    public static let missingTimestamps = LintRule(
        "missing-timestamps", .design, .warning,
        "created_at and updated_at make incremental loads, audits and debugging possible; they cannot be recovered later")
    public static let nullableForeignKey = LintRule(
        "nullable-foreign-key", .design, .warning,
        "rows with a NULL key vanish from inner joins and aggregate under no member; point them at an explicit 'unknown' row instead")
    public static let booleanIndex = LintRule(
        "boolean-index", .design, .warning,
        "a b-tree led by a two-valued column rarely beats a scan and slows every write; index the rare value with a partial index (WHERE flag)")
    public static let redundantIndex = LintRule(
        "redundant-index", .design, .warning,
        "an index that is a prefix of another serves no query the longer one cannot, and costs disk and write time")
    public static let factWithoutGrain = LintRule(
        "fact-without-grain", .warehouse, .warning,
        "the grain says what one row means; without it duplicate loads go unnoticed and measures get double-counted")
    public static let dimensionWithoutBusinessKey = LintRule(
        "dimension-without-business-key", .warehouse, .warning,
        "without a natural key, loads cannot match incoming records to existing members and create duplicates")
    public static let scd2ReferenceNotSurrogate = LintRule(
        "scd2-reference-not-surrogate", .warehouse, .warning,
        "a business key matches every version of an SCD2 member; only the surrogate key pins the version that was current")
    public static let namingConvention = LintRule(
        "naming-convention", .naming, .warning,
        "consistent names (_id keys, is_ flags, _at timestamps, ix_/uq_ indexes) let readers guess a column's meaning and type")
    public static let unusedLintIgnore = LintRule(
        "unused-lint-ignore", .meta, .warning,
        "a silence that matches no finding is stale, and would hide a future finding nobody has reviewed")

    /// The schema rules, in documentation order.
    public static let designRules: [LintRule] = [
        tableWithoutPrimaryKey, foreignKeyWithoutIndex, floatingPointMoney, reservedWordIdentifier, missingTimestamps,
        nullableForeignKey, booleanIndex, redundantIndex, factWithoutGrain, dimensionWithoutBusinessKey,
        scd2ReferenceNotSurrogate, namingConvention,
    ]

    /// One rule per hazard kind of the planner, so a new kind cannot be forgotten.
    public static func migrationRule(for kind: Hazard.Kind) -> LintRule {
        let id = "migration-" + kind.rawValue
        switch kind {
        case .deletesData:
            return LintRule(id, .migration, .error, "the pending migration loses rows or values; generate refuses it without --allow-destructive")
        case .failsOnRows:
            return LintRule(id, .migration, .error, "the pending migration only succeeds on an empty table; production tables are not empty")
        case .rewritesTable:
            return LintRule(id, .migration, .warning, "the table is rewritten under an ACCESS EXCLUSIVE lock: reads and writes wait until it is done")
        case .longLock:
            return LintRule(id, .migration, .warning, "a lock that blocks traffic is held for longer than an instant")
        case .validationScan:
            return LintRule(id, .migration, .note, "existing rows are scanned to validate a constraint; writes continue, but it takes time and may fail")
        case .indexBuild:
            return LintRule(id, .migration, .note, "an index is built concurrently; it takes time and leaves an INVALID index behind if it fails")
        }
    }

    public static var migrationRules: [LintRule] { Hazard.Kind.allCases.map(migrationRule(for:)) }

    /// Every rule, in documentation order.
    public static var all: [LintRule] { designRules + migrationRules + [unusedLintIgnore] }

    public static func rule(_ id: String) -> LintRule? { all.first { $0.id == id } }
}
