// Snapshot encoding of constraints and indexes (see SnapshotEncoding.swift).

extension PrimaryKey: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("columns", columns)
            w.field("name", name)
        }
    }
}

extension UniqueConstraint: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("columns", columns)
            w.field("name", name)
        }
    }
}

extension CheckConstraint: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("expression", expression)
            w.field("name", name)
        }
    }
}

extension ForeignKey: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("columns", columns)
            w.field("name", name)
            w.field("onDelete", onDelete)
            w.field("referencedColumns", referencedColumns)
            w.field("referencedTable", referencedTable)
        }
    }
}

extension ExclusionConstraint: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("elements", elements)
            w.field("method", method)
            w.field("name", name)
            w.field("predicate", predicate)
        }
    }
}

extension ExclusionConstraint.Element: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("expression", expression)
            w.field("operator", `operator`)
        }
    }
}

extension Index: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("include", include)
            w.field("keys", keys)
            w.field("method", method)
            w.field("name", name)
            w.field("predicate", predicate)
            w.field("unique", unique)
        }
    }
}

extension IndexKey: SnapshotEncodable {
    /// `column` or `expression`; `order` only when not `asc`; `nulls` only when set.
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            switch target {
            case let .column(name): w.field("column", name)
            case let .expression(sql): w.field("expression", sql)
            }
            w.field("nulls", nulls)
            if order != .asc { w.field("order", order) }
        }
    }
}
