import Foundation
import Testing

/// The emitted Swift is laid out the way swift-format lays it out: formatting any
/// golden file with the toolchain's `swift-format` (line length 120, 4 spaces, its other
/// settings at their defaults) changes nothing.
@Suite struct SwiftFormatTests {
    static let configuration = #"{ "version": 1, "lineLength": 120, "indentation": { "spaces": 4 } }"#

    static var goldenFiles: [String] {
        let roots = Golden.cases("swift").map { Golden.fixtures + "/swift/\($0)/Swift" }
            + [SwiftFixture.repositoryRoot + "/generated/Swift"]
        return roots.flatMap { root in SwiftFixture.swiftFiles(in: root).sorted().map { root + "/" + $0 } }
    }

    @Test func goldenFilesAreAFixedPointOfSwiftFormat() throws {
        let formatter = try #require(Self.swiftFormat(), "swift-format is not next to swift in the toolchain, nor on PATH")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemac-swift-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = folder.appendingPathComponent("swift-format.json")
        try Data(Self.configuration.utf8).write(to: configuration)
        let files = Self.goldenFiles
        #expect(files.count > 10)
        for file in files {
            let formatted = try Self.run(formatter, ["format", "--configuration", configuration.path, file])
            let original = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
            #expect(formatted == original, "swift-format changes \(file):\n\(Golden.lineDiff(original, formatted))")
        }
    }

    /// `swift-format` beside the `swift` on PATH (the toolchain ships it), else on PATH itself.
    static func swiftFormat() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/swift-format" } + ["/opt/swift/usr/bin/swift-format"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
