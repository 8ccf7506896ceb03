public struct Index: Hashable, Sendable, Codable {
    public var name: String
    public var unique: Bool
    /// Access method: btree (default), gin, gist, hash, brin, spgist.
    public var method: String
    public var keys: [IndexKey]
    /// Covering columns (`INCLUDE`).
    public var include: [String]
    /// Partial index predicate (`WHERE`), emitted verbatim.
    public var predicate: String?
    @SourceOnly public var location: SourceLocation?

    public init(
        name: String, unique: Bool = false, method: String = "btree", keys: [IndexKey],
        include: [String] = [], predicate: String? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.unique = unique
        self.method = method
        self.keys = keys
        self.include = include
        self.predicate = predicate
        self.location = location
    }

    /// The plain column names this index starts with, up to the first expression.
    public var leadingColumns: [String] {
        var result: [String] = []
        for key in keys {
            guard case let .column(name) = key.target else { break }
            result.append(name)
        }
        return result
    }
}

public struct IndexKey: Hashable, Sendable, Codable {
    public enum Target: Hashable, Sendable {
        case column(String)
        /// An SQL expression, emitted verbatim inside parentheses.
        case expression(String)
    }

    public enum Order: String, Hashable, Sendable, Codable { case asc, desc }
    public enum Nulls: String, Hashable, Sendable, Codable { case first, last }

    public var target: Target
    public var order: Order
    public var nulls: Nulls?

    public init(_ target: Target, order: Order = .asc, nulls: Nulls? = nil) {
        self.target = target
        self.order = order
        self.nulls = nulls
    }

    public static func column(_ name: String, order: Order = .asc) -> IndexKey { IndexKey(.column(name), order: order) }

    /// `name`, `(expression)`, then ` DESC` / ` NULLS FIRST|LAST` when given: how
    /// reports and lint findings name an index key (not quoted: not SQL).
    public var readable: String {
        var text: String
        switch target {
        case let .column(name): text = name
        case let .expression(sql): text = "(\(sql))"
        }
        if order == .desc { text += " DESC" }
        if let nulls { text += " NULLS \(nulls.rawValue.uppercased())" }
        return text
    }

    private enum Key: String, CodingKey { case column, expression, order, nulls }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let column = try c.decodeIfPresent(String.self, forKey: .column) {
            target = .column(column)
        } else {
            target = .expression(try c.decode(String.self, forKey: .expression))
        }
        order = try c.decodeIfPresent(Order.self, forKey: .order) ?? .asc
        nulls = try c.decodeIfPresent(Nulls.self, forKey: .nulls)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch target {
        case let .column(name): try c.encode(name, forKey: .column)
        case let .expression(sql): try c.encode(sql, forKey: .expression)
        }
        if order != .asc { try c.encode(order, forKey: .order) }
        try c.encodeIfPresent(nulls, forKey: .nulls)
    }
}
