import Foundation
import SchemacCLI
import WarehouseSynth

/// A synthetic warehouse on disk: the base schema with its generated output,
/// and a copy with about 10% of the tables changed.
struct BenchWorkspace {
    let root: String
    var baseSchema: String { root + "/base" }
    var changedSchema: String { root + "/changed" }
    var output: String { root + "/out" }

    init(size: Int, seed: UInt64 = 2026) throws {
        root = NSTemporaryDirectory() + "schemac-bench-\(size)"
        try? FileManager.default.removeItem(atPath: root)
        let base = WarehouseModel.generate(tables: size, seed: seed)
        try Self.write(base.yaml(), to: baseSchema)
        try Self.write(base.changeSet(fraction: 0.1, seed: seed + 1).yaml(), to: changedSchema)
        let result = Schemac.run(["generate", "--schema", baseSchema, "--out", output])
        guard result.status == 0 else {
            throw BenchError(message: "generate failed for \(size) tables:\n\(result.err)")
        }
    }

    private static func write(_ yaml: String, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try yaml.write(toFile: folder + "/warehouse.yaml", atomically: true, encoding: .utf8)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
