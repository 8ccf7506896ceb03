import Foundation

/// How the walk describes what went wrong: the failing statement in its file,
/// the catalog difference with the migration's SQL, the schema change.
extension MigrationWalk {
    /// The lines only in `old` (`- `) and only in `new` (`+ `), in file order: enough to see a step's change.
    static func lineDiff(from old: String, to new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        let sa = Set(a), sb = Set(b)
        return (a.filter { !sb.contains($0) }.map { "- " + $0 } + b.filter { !sa.contains($0) }.map { "+ " + $0 }).joined(separator: "\n")
    }

    /// psql's error with the statement it points at (`psql:FILE:LINE: ERROR: …`).
    func failure(_ error: Error, file: String) -> String {
        let text = "\(error)"
        let name = (file as NSString).lastPathComponent
        guard let range = text.range(of: #"psql:[^:]+:(\d+): ERROR"#, options: .regularExpression),
              let line = Int(text[range].split(separator: ":")[2]),
              let lines = try? String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n") else {
            return "\(name): \(text)"
        }
        let from = max(0, line - 8), to = min(lines.count, line + 2)
        let context = (from..<to).map { "\($0 + 1 == line ? ">" : " ") \($0 + 1): \(lines[$0])" }.joined(separator: "\n")
        return "\(name): \(text)\n--- \(name) around line \(line) ---\n\(context)"
    }

    /// The catalog difference, then the migration that produced it.
    func catalogReport(_ diff: [String], file: String) -> String {
        let sql = (try? String(contentsOfFile: file, encoding: .utf8)) ?? "(unreadable)"
        return "catalog differs (- migrated, + expected):\n" + diff.prefix(40).joined(separator: "\n")
            + "\n--- \((file as NSString).lastPathComponent) ---\n" + String(sql.prefix(6000))
    }
}

/// The outcome of one job of a step, filled in by whichever thread runs it.
final class Job<T>: @unchecked Sendable {
    private(set) var result: Result<T, Error>?

    func run(_ body: () throws -> T) {
        result = Result { try body() }
    }
}
