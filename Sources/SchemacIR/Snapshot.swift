import Foundation

/// The canonical JSON form of a schema: sorted keys, stable order, no
/// timestamps, so the same schema always gives the same bytes.
public enum Snapshot {
    public static func encode(_ schema: Schema) throws -> Data {
        var canonical = schema
        canonical.canonicalize()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(canonical)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> Schema {
        var schema = try JSONDecoder().decode(Schema.self, from: data)
        schema.canonicalize()
        return schema
    }
}
