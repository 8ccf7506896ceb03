public struct PrimaryKey: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [String]
    public init(name: String, columns: [String]) { self.name = name; self.columns = columns }
}

public struct UniqueConstraint: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [String]
    public init(name: String, columns: [String]) { self.name = name; self.columns = columns }
}

public struct CheckConstraint: Hashable, Sendable, Codable {
    public var name: String
    /// A boolean SQL expression, emitted verbatim.
    public var expression: String
    public init(name: String, expression: String) { self.name = name; self.expression = expression }
}

public enum ReferentialAction: String, Hashable, Sendable, Codable, CaseIterable {
    case restrict
    case cascade
    case setNull = "set null"
    case noAction = "no action"
}

public struct ForeignKey: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [String]
    /// Physical name of the referenced table, in the same schema.
    public var referencedTable: String
    public var referencedColumns: [String]
    /// nil: PostgreSQL's default (NO ACTION).
    public var onDelete: ReferentialAction?

    public init(name: String, columns: [String], referencedTable: String, referencedColumns: [String], onDelete: ReferentialAction? = nil) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
    }
}

/// `EXCLUDE USING method (element WITH operator, …) [WHERE (predicate)]`.
public struct ExclusionConstraint: Hashable, Sendable, Codable {
    public struct Element: Hashable, Sendable, Codable {
        public var expression: String
        public var `operator`: String
        public init(expression: String, operator: String) { self.expression = expression; self.operator = `operator` }
    }

    public var name: String
    public var method: String
    public var elements: [Element]
    public var predicate: String?

    public init(name: String, method: String, elements: [Element], predicate: String? = nil) {
        self.name = name
        self.method = method
        self.elements = elements
        self.predicate = predicate
    }
}

/// Any table constraint, for code that treats them alike (naming, diffing).
public enum Constraint: Hashable, Sendable {
    case primaryKey(PrimaryKey)
    case unique(UniqueConstraint)
    case check(CheckConstraint)
    case foreignKey(ForeignKey)
    case exclusion(ExclusionConstraint)

    public var name: String {
        switch self {
        case let .primaryKey(c): c.name
        case let .unique(c): c.name
        case let .check(c): c.name
        case let .foreignKey(c): c.name
        case let .exclusion(c): c.name
        }
    }
}
