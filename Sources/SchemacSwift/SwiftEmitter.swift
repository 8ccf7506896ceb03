import SchemacIR

/// IR → Swift model sources.
public enum SwiftEmitter {
    /// Generated files by path relative to the `Swift/` output folder.
    public static func files(for schema: Schema, sources: [String]) -> [String: String] {
        [:]
    }
}
