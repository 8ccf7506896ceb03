import Foundation
import SchemacIR

/// Finding and reading the schema folder's YAML files.
enum SchemaFiles {
    static func read(directory: String) throws(DiagnosticError) -> [SourceFile] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError([.error("no-schema", "schema folder '\(directory)' does not exist", at: SourceLocation(file: directory, line: 1, column: 1))])
        }
        let paths = yamlPaths(in: directory)
        guard !paths.isEmpty else {
            throw DiagnosticError([.error("no-schema", "no *.yaml or *.yml files in '\(directory)'", at: SourceLocation(file: directory, line: 1, column: 1))])
        }
        var files: [SourceFile] = []
        var problems: [Diagnostic] = []
        for path in paths {
            if let data = manager.contents(atPath: path) {
                files.append(SourceFile(path: path, contents: [UInt8](data)))
            } else {
                problems.append(.error("unreadable", "cannot read '\(path)'", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return files
    }

    /// Sorted paths of YAML files below `directory`, hidden files and folders skipped.
    static func yamlPaths(in directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { paths.append(base + "/" + relative) }
        }
        return paths.sorted()
    }
}
