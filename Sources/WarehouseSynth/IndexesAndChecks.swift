// Indexes and CHECK constraints, kept structurally so that a column rename
// rewrites every expression that names the column.

/// A CHECK whose expression is written from the column's current name.
public enum CheckRule: Hashable, Sendable {
    case nonNegative, notEmpty, recentDate
    /// An enum column that must not hold one label: the label's type must survive enum changes.
    case notLabel(String)

    func expression(_ column: String) -> String {
        let c = SQLWords.identifier(column)
        switch self {
        case .nonNegative: return "\(c) >= 0"
        case .notEmpty: return "\(c) <> ''"
        case .recentDate: return "\(c) >= '2000-01-01'"
        case let .notLabel(label): return "\(c) <> '\(label)'"
        }
    }
}

/// The predicate of a partial index, written from the column's current name.
public struct IndexPredicate: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        case notNull, isTrue, positive
        /// An enum column equal to one label.
        case label(String)
    }

    public var column: String
    public var rule: Rule

    var expression: String {
        let c = SQLWords.identifier(column)
        switch rule {
        case .notNull: return "\(c) IS NOT NULL"
        case .isTrue: return c
        case .positive: return "\(c) > 0"
        case let .label(label): return "\(c) = '\(label)'"
        }
    }
}

/// A named table-level check (`checks:`) on one column.
public struct CheckSpec: Hashable, Sendable {
    public var name: String
    public var column: String
    public var rule: CheckRule
}

/// One key column of an index, ascending or descending.
public struct IndexColumn: Hashable, Sendable {
    public var name: String
    public var descending = false
}

/// A user index (`indexes:`).
public struct IndexSpec: Hashable, Sendable {
    /// Key columns; empty for an expression index.
    public var columns: [IndexColumn] = []
    /// `lower(<column>)` as the one key.
    public var lowerOf: String?
    public var unique = false
    /// A partial index.
    public var predicate: IndexPredicate?
    public var gin = false
    public var include: [String] = []
    public var name: String?

    /// The name schemac gives the index, short of the table name: `uq:`/`ix:` and
    /// the columns (an explicit name as is). Two relations of a table must differ here.
    var relationName: String {
        if let name { return "name:" + name }
        let parts = lowerOf.map { "lower_" + $0 } ?? columns.map(\.name).joined(separator: "_")
        return (unique ? "uq:" : "ix:") + parts
    }

    /// Every column the index mentions.
    var mentioned: Set<String> {
        Set(columns.map(\.name) + [lowerOf, predicate?.column].compactMap { $0 } + include)
    }
}
