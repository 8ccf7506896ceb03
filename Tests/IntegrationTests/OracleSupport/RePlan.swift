import Foundation
import SchemacDSL
import SchemacIR
import SchemacPlanner

/// Re-planning in-process: the schema folder against the snapshot `generate`
/// just wrote must give an empty plan (the library path `diff` and `generate` share).
enum RePlan {
    /// The steps still pending, described; empty when the output folder is up to date.
    static func pending(schema: String, out: String) throws -> [String] {
        let compiled: CompiledSchema
        switch SchemaLoader.load(directory: schema) {
        case let .success(value): compiled = value
        case let .failure(error): throw error
        }
        let snapshot = try Snapshot.decode(Data(contentsOf: URL(fileURLWithPath: out + "/schema.snapshot.json")))
        return Planner.plan(from: snapshot, to: compiled.schema).steps.map { "\($0.subject): \($0.operation)" }
    }
}
