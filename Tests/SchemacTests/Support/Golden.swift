import Foundation
import Testing

/// Golden files: expected outputs stored beside their inputs under
/// `Tests/SchemacTests/Fixtures`. A mismatch fails with a line diff; the files
/// are rewritten only when `SCHEMAC_RECORD=1` is set (`make golden-update`).
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static var recording: Bool { ProcessInfo.processInfo.environment["SCHEMAC_RECORD"] == "1" }

    /// The case folders below `Fixtures/<group>`, sorted.
    static func cases(_ group: String) -> [String] {
        let folder = fixtures + "/" + group
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Compares `actual` with the file at `path` (relative to Fixtures), or records it.
    static func assertMatches(_ actual: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = fixtures + "/" + path
        if recording {
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(actual.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            Issue.record("missing golden file \(path); run `make golden-update` to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("\(path) differs (run `make golden-update` to accept):\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// A compact diff: the first differing lines with context, `-` expected, `+` actual.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var i = 0
        while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
        var lines: [String] = ["@@ line \(i + 1) @@"]
        for k in max(0, i - 2)..<i { lines.append("  " + a[k]) }
        for k in i..<min(a.count, i + 8) { lines.append("- " + a[k]) }
        for k in i..<min(b.count, i + 8) { lines.append("+ " + b[k]) }
        return lines.joined(separator: "\n")
    }

    /// Reads every YAML file under `folder`, with paths relative to `base`.
    static func sourceFiles(in folder: String, relativeTo base: String) -> [(path: String, contents: [UInt8])] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [(String, [UInt8])] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            let full = folder + "/" + relative
            let shown = String(full.dropFirst(base.count + 1))
            files.append((shown, [UInt8](FileManager.default.contents(atPath: full) ?? Data())))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
