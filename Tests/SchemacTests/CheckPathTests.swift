import Foundation
@testable import SchemacCLI
import Testing

/// The fast paths of `diff --check` and `generate` (the snapshot compared as
/// bytes and decoded only when they differ; the output folder read on a
/// second thread) must reach the same verdicts as the slow path.
@Suite struct CheckPathTests {
    typealias Project = CLITests.Project

    private func generated() throws -> Project {
        let project = try Project()
        try project.write(CLITests.v1)
        let result = project.run("generate")
        #expect(result.status == 0, "\(result.err)")
        return project
    }

    private var snapshotName: String { "/schema.snapshot.json" }

    @Test func anEquivalentButReformattedSnapshotIsStale() throws {
        let project = try generated()
        let path = project.out + snapshotName
        let compact = try JSONSerialization.data(
            withJSONObject: JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))), options: [.sortedKeys])
        try compact.write(to: URL(fileURLWithPath: path))
        let check = project.run("diff", "--check")
        #expect(check.status == 1)
        #expect(check.err.contains("schema.snapshot.json is stale"))
        #expect(!check.err.contains("not yet generated"), "the same schema: no pending change")
        let regenerate = project.run("generate")
        #expect(regenerate.status == 0)
        #expect(regenerate.out.contains("updated 1 generated file"))
        #expect(project.run("diff", "--check").status == 0)
    }

    @Test func aBrokenSnapshotIsInvalidInputEverywhere() throws {
        let project = try generated()
        let path = project.out + snapshotName
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: path, atomically: true, encoding: .utf8)
        let before = project.outputFiles()
        for command in [["diff", "--check"], ["diff"], ["generate"]] {
            let result = Schemac.run(command + ["--out", project.out, "--schema", project.schema])
            #expect(result.status == 2, "\(command)")
            #expect(result.err.contains("schema.snapshot.json:1:1: error: cannot read the snapshot"), "\(command): \(result.err)")
        }
        #expect(project.outputFiles() == before, "nothing written")
    }

    @Test func strayAndMissingGeneratedFilesAreDrift() throws {
        let project = try generated()
        let swift = project.out + "/Swift"
        try FileManager.default.createDirectory(atPath: swift + "/Old", withIntermediateDirectories: true)
        try "// stray\n".write(toFile: swift + "/Old/Stray.swift", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: project.out + "/ERD.md")
        let check = project.run("diff", "--check")
        #expect(check.status == 1)
        #expect(check.err.contains("Swift/Old/Stray.swift should not exist"))
        #expect(check.err.contains("ERD.md is missing"))
        #expect(project.run("generate").status == 0)
        #expect(!FileManager.default.fileExists(atPath: swift + "/Old/Stray.swift"))
        #expect(project.run("diff", "--check").status == 0)
    }

    @Test func theCheckIsDeterministicAcrossRuns() throws {
        let project = try generated()
        try project.write(CLITests.v2)
        let first = project.run("diff", "--check")
        #expect(first.status == 1)
        for _ in 0..<10 { #expect(project.run("diff", "--check") == first) }
    }

    @Test func fileBytesReadsWholeFilesAndListsFoldersSorted() throws {
        let root = NSTemporaryDirectory() + "schemac-bytes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/b/c", withIntermediateDirectories: true)
        let big = [UInt8]((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try Data(big).write(to: URL(fileURLWithPath: root + "/big.bin"))
        try Data().write(to: URL(fileURLWithPath: root + "/empty"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/b/c/deep.swift"))
        #expect(FileBytes.read(root + "/big.bin") == big)
        #expect(FileBytes.read(root + "/empty") == [])
        #expect(FileBytes.read(root + "/missing") == nil)
        #expect(FileBytes.read(root + "/b") == nil, "a folder is not a file")
        #expect(FileBytes.list(root) == ["big.bin", "empty"])
        #expect(FileBytes.list(root, recursive: true) == ["b/c/deep.swift", "big.bin", "empty"])
        #expect(FileBytes.list(root + "/missing").isEmpty)
    }

    @Test func concurrentlyReturnsBothResults() {
        let (background, foreground) = concurrently { (1...1000).reduce(0, +) } _: { "done" }
        #expect(background == 500_500)
        #expect(foreground == "done")
    }
}
