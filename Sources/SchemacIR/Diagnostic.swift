/// One problem found in the input, printed as `FILE:LINE:COL: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// A stable identifier, such as `unknown-key`, for tests and tooling.
    public var code: String
    public var message: String

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, code, message, at: location)
    }

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }
}

/// Collects every problem of a run, so all of them are reported, not only the first.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    public mutating func error(_ code: String, _ message: String, at location: SourceLocation?) {
        items.append(.error(code, message, at: location))
    }

    public mutating func append(contentsOf other: Diagnostics) { items += other.items }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by file, line and column, duplicates removed: the order users read them in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted { a, b in
            switch (a.location, b.location) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.message < b.message
            }
        }
    }
}

/// Thrown by a stage when its input had errors; carries all of them.
public struct DiagnosticError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
