import SchemacIR

/// Column types as PostgreSQL spells them.
enum SQLType {
    /// The canonical spelling (`varchar(255)`, `numeric(19,4)`, `timestamptz`), with
    /// enum types qualified by the schema: `budget.payment_kind[]`.
    static func name(_ type: ColumnType, schema: String) -> String {
        switch type {
        case let .enumeration(enumName): SQLIdentifier.qualifiedType(schema, enumName)
        case let .array(element): name(element, schema: schema) + "[]"
        default: type.canonical
        }
    }

    /// The `USING` expression for `ALTER COLUMN … TYPE`, or nil when PostgreSQL can
    /// convert the values by itself: a widening that is binary-coercible or backed by
    /// an implicit cast. Everything else gets an explicit cast, so a reviewer sees
    /// how the values are converted and an impossible conversion fails loudly.
    static func usingExpression(column: String, from: ColumnType, to: ColumnType, schema: String) -> String? {
        if isWidening(from: from, to: to) { return nil }
        // Between string types the implicit assignment cast applies: a value that does
        // not fit fails the migration, where an explicit ::varchar(n) would truncate it.
        if from.isCharacterString && to.isCharacterString { return nil }
        let target = name(to, schema: schema)
        // Enums have no cast to each other; text is the common ground.
        if from.enumName != nil, to.enumName != nil {
            let textType = from.isArray ? "text[]" : "text"
            return "\(SQLIdentifier.quote(column))::\(textType)::\(target)"
        }
        return "\(SQLIdentifier.quote(column))::\(target)"
    }

    /// Conversions that keep every value as it is and need no USING clause.
    static func isWidening(from: ColumnType, to: ColumnType) -> Bool {
        switch (from, to) {
        case _ where from == to: true
        case let (.varchar(n), .varchar(m)): m >= n
        case (.varchar, .text), (.char, .text), (.char, .varchar): true
        case let (.numeric(p, s), .numeric(p2, s2)): p2 >= p && s2 == s
        case (.numeric, .unconstrainedNumeric): true
        case (.smallint, .integer), (.smallint, .bigint), (.integer, .bigint): true
        default: false
        }
    }
}

extension ColumnType {
    var isCharacterString: Bool {
        switch self {
        case .text, .varchar, .char: true
        default: false
        }
    }

    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
