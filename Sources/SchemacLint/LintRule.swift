/// How loudly a rule speaks. `off` rules do not run; `error` findings make
/// `schemac lint` exit 1.
public enum LintLevel: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    case off, note, warning, error

    private var rank: Int {
        switch self {
        case .off: 0
        case .note: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (a: LintLevel, b: LintLevel) -> Bool { a.rank < b.rank }
}

/// One lint rule: a stable id (what `lint:` and `lint_ignore` name), the
/// level it has unless the project changes it, and why it exists.
public struct LintRule: Hashable, Sendable {
    public enum Category: String, Hashable, Sendable {
        /// Keys, types and indexes of any table.
        case design
        /// Star-schema modelling: facts, dimensions, history.
        case warehouse
        /// Identifiers.
        case naming
        /// Hazards of the pending migration (snapshot → schema).
        case migration
        /// The lint configuration itself.
        case meta
    }

    public var id: String
    public var category: Category
    public var defaultLevel: LintLevel
    /// One line: why a reviewer cares. Shown in docs and annotations.
    public var rationale: String

    public init(_ id: String, _ category: Category, _ defaultLevel: LintLevel, _ rationale: String) {
        self.id = id
        self.category = category
        self.defaultLevel = defaultLevel
        self.rationale = rationale
    }
}
