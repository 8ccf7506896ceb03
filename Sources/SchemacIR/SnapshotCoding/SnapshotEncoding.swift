/// A value `Snapshot.encode` can write. Each IR type lists its members in
/// sorted key order (byte order, as Foundation's `.sortedKeys` on Linux) and
/// leaves out nil optionals and `@SourceOnly` fields, exactly like the
/// synthesized `Codable` conformances did.
protocol SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter)
}

extension String: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) { writer.string(self) }
}

extension Bool: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) { writer.boolean(self) }
}

extension Int: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) { writer.integer(self) }
}

extension Array: SnapshotEncodable where Element: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) { writer.array(self) }
}

/// String-backed enums are stored as their raw value.
extension SnapshotEncodable where Self: RawRepresentable, RawValue == String {
    func writeJSON(into writer: inout CanonicalJSONWriter) { writer.string(rawValue) }
}

extension TableKind: SnapshotEncodable {}
extension History: SnapshotEncodable {}
extension Hierarchy.Maintenance: SnapshotEncodable {}
extension Identity: SnapshotEncodable {}
extension ReferentialAction: SnapshotEncodable {}
extension IndexKey.Order: SnapshotEncodable {}
extension IndexKey.Nulls: SnapshotEncodable {}

extension ColumnType: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) { writer.string(canonical) }
}

extension Schema: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("enums", enums)
            w.field("extensions", extensions)
            w.field("format", format)
            w.field("name", name)
            w.field("tables", tables)
        }
    }
}

extension EnumType: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("name", name)
            w.field("values", values)
        }
    }
}

extension Table: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("checks", checks)
            w.field("closure", closure)
            w.field("columns", columns)
            w.field("comment", comment)
            w.field("dimension", dimension)
            w.field("exclusions", exclusions)
            w.field("fact", fact)
            w.field("foreignKeys", foreignKeys)
            w.field("indexes", indexes)
            w.field("kind", kind)
            w.field("logicalName", logicalName)
            w.field("name", name)
            w.field("primaryKey", primaryKey)
            w.field("uniques", uniques)
        }
    }
}

extension DimensionInfo: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("businessKey", businessKey)
            w.field("hierarchy", hierarchy)
            w.field("history", history)
            w.field("noOverlap", noOverlap)
        }
    }
}

extension Hierarchy: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("closureTable", closureTable)
            w.field("maintain", maintain)
            w.field("parentColumn", parentColumn)
        }
    }
}

extension FactInfo: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("dimensionReferences", dimensionReferences)
            w.field("grain", grain)
            w.field("measures", measures)
        }
    }
}

extension DimensionReference: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("column", column)
            w.field("dimension", dimension)
            w.field("role", role)
        }
    }
}

extension ClosureInfo: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in w.field("dimensionTable", dimensionTable) }
    }
}

extension Column: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            w.field("comment", comment)
            w.field("default", defaultValue)
            w.field("identity", identity)
            w.field("name", name)
            w.field("nullable", nullable)
            w.field("type", type)
        }
    }
}

extension ColumnDefault: SnapshotEncodable {
    func writeJSON(into writer: inout CanonicalJSONWriter) {
        writer.object { w in
            switch self {
            case let .literal(value): w.field("literal", value)
            case let .sql(value): w.field("sql", value)
            }
        }
    }
}
