import SchemacIR

/// How costly and how safe a column type change is in PostgreSQL.
enum TypeChange: Equatable {
    /// Binary-compatible: only the catalog changes (varchar(50) → varchar(255), varchar → text).
    case metadataOnly
    /// Every value converts without loss, but the table is rewritten (integer → bigint).
    case rewrite
    /// Values may not fit: the rewrite fails or loses precision (bigint → integer, varchar(255) → varchar(50)).
    case narrowing

    static func classify(from old: ColumnType, to new: ColumnType) -> TypeChange {
        switch (old, new) {
        case let (.varchar(a), .varchar(b)): return b >= a ? .metadataOnly : .narrowing
        case (.varchar, .text), (.char, .text), (.char, .varchar): return widensString(old, new)
        case let (.numeric(p1, s1), .numeric(p2, s2)):
            if s1 == s2 && p2 >= p1 { return .metadataOnly }
            return p2 - s2 >= p1 - s1 && s2 >= s1 ? .rewrite : .narrowing
        case (.numeric, .unconstrainedNumeric): return .metadataOnly
        case (.smallint, .integer), (.smallint, .bigint), (.integer, .bigint): return .rewrite
        case (.smallint, .numeric), (.integer, .numeric), (.bigint, .numeric): return .rewrite
        case (.smallint, .unconstrainedNumeric), (.integer, .unconstrainedNumeric), (.bigint, .unconstrainedNumeric): return .rewrite
        case (.real, .doublePrecision): return .rewrite
        case (.timestamp, .timestamptz), (.json, .jsonb): return .rewrite
        case (.text, .text): return .metadataOnly
        // Every value has a text form: nothing is lost, but the table is rewritten.
        case (_, .text) where !old.isArrayType: return .rewrite
        default: return .narrowing
        }
    }

    private static func widensString(_ old: ColumnType, _ new: ColumnType) -> TypeChange {
        switch (old, new) {
        case (.varchar, .text): return .metadataOnly
        case let (.char(a), .varchar(b)): return b >= a ? .rewrite : .narrowing
        default: return .rewrite
        }
    }

    func hazards(_ column: String, from old: ColumnType, to new: ColumnType) -> [Hazard] {
        let change = "\(column) from \(old.canonical) to \(new.canonical)"
        switch self {
        case .metadataOnly: return []
        case .rewrite: return [Hazard(.rewritesTable, "changes \(change): rewrites the table under an ACCESS EXCLUSIVE lock")]
        case .narrowing:
            return [
                Hazard(.deletesData, "changes \(change): values that do not fit make the migration fail or lose precision"),
                Hazard(.rewritesTable, "changes \(change): rewrites the table under an ACCESS EXCLUSIVE lock"),
            ]
        }
    }
}

extension ColumnType {
    var isArrayType: Bool { if case .array = self { true } else { false } }
}
