import Foundation

/// The canonical JSON form of a schema: sorted keys, stable order, no
/// timestamps, so the same schema always gives the same bytes.
///
/// Written and read by a hand-made codec (SnapshotCoding/), not by
/// `JSONEncoder`/`JSONDecoder`: the same bytes Foundation produced with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`, at a fraction of
/// the cost. The IR's `Codable` conformances are not used here.
public enum Snapshot {
    public static func encode(_ schema: Schema) throws -> Data {
        Data(bytes(of: schema))
    }

    /// The canonical bytes (what `encode` returns, without the `Data` wrapper).
    public static func bytes(of schema: Schema) -> [UInt8] {
        var canonical = schema
        canonical.canonicalize()
        var writer = CanonicalJSONWriter()
        canonical.writeJSON(into: &writer)
        writer.finishDocument()
        return Array(writer.bytes)
    }

    /// Throws `SnapshotDecodingError` (path, line and column, and what was
    /// wrong) for malformed JSON or a document that is not a schema.
    public static func decode(_ data: Data) throws -> Schema {
        try decode([UInt8](data))
    }

    public static func decode(_ bytes: [UInt8]) throws -> Schema {
        let document = try JSONDocument(parsing: bytes)
        var schema = try Schema(json: document.root)
        schema.canonicalize()
        return schema
    }
}
