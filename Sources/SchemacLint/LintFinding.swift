import SchemacIR

/// What one rule found about one element of the schema or one step of the
/// pending migration.
public struct LintFinding: Hashable, Sendable {
    public var rule: String
    public var level: LintLevel
    public var message: String
    /// Where to point the reader: the element's name in its YAML file.
    public var location: SourceLocation
    /// The element and the elements that contain it, innermost first (column,
    /// then table): a `lint_ignore` on any of them silences the finding.
    public var scope: [SourceLocation]

    public init(rule: String, level: LintLevel, message: String, location: SourceLocation, scope: [SourceLocation]) {
        self.rule = rule
        self.level = level
        self.message = message
        self.location = location
        self.scope = scope
    }

    /// The order readers and golden files see: file, line, column, then rule.
    static func ordered(_ a: LintFinding, _ b: LintFinding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// A finding that a `lint_ignore` silenced, with the reason written there.
public struct SilencedFinding: Hashable, Sendable {
    public var finding: LintFinding
    public var reason: String
    /// Where the `lint_ignore` entry is.
    public var silencedAt: SourceLocation
}

/// Everything one `schemac lint` run found.
public struct LintResult: Sendable {
    /// Findings that count, sorted; `off` rules and silenced findings are not here.
    public var findings: [LintFinding] = []
    public var silenced: [SilencedFinding] = []

    public func count(_ level: LintLevel) -> Int { findings.filter { $0.level == level }.count }

    /// `schemac lint` exits 1 when this is true.
    public var hasErrors: Bool { findings.contains { $0.level == .error } }
}
