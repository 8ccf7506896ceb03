import Foundation

/// Runs SQL through the real `psql` client against one database.
public struct PSQL: Sendable {
    /// How `query` shows SQL NULL, so it differs from an empty string.
    public static let null = "␀"

    /// Fields are split on U+001F; records end with NUL, which PostgreSQL text never contains.
    private static let fieldSeparator: Character = "\u{1F}"

    public let server: PostgresServer
    public let database: String

    /// Runs a script; any error stops it (ON_ERROR_STOP) and throws with psql's stderr.
    @discardableResult
    public func run(sql: String) throws -> ProcessOutput {
        try withScriptFile(sql) { try runScript(path: $0, extraArguments: [], sql: sql) }
    }

    @discardableResult
    public func runFile(path: String) throws -> ProcessOutput {
        try runScript(path: path, extraArguments: [], sql: nil)
    }

    /// The rows `sql` (normally one SELECT) prints, every value as text (NULL as `PSQL.null`).
    public func query(_ sql: String) throws -> [[String]] {
        let unaligned = ["-A", "-t", "-F", String(Self.fieldSeparator), "-0", "-P", "null=\(Self.null)"]
        let output = try withScriptFile(sql) {
            try runScript(path: $0, extraArguments: unaligned, sql: sql)
        }
        return output.stdout.split(separator: "\0", omittingEmptySubsequences: false)
            .dropLast()  // every record, the last one too, ends with NUL
            .map { $0.split(separator: Self.fieldSeparator, omittingEmptySubsequences: false).map(String.init) }
    }

    private func runScript(path: String, extraArguments: [String], sql: String?) throws -> ProcessOutput {
        guard let psql = findExecutable("psql", preferring: ["/usr/lib/postgresql/15/bin/psql"]) else {
            throw HarnessError.serverUnavailable("psql not found; run scripts/install-deps.sh")
        }
        let arguments = server.connectionArguments(database: database)
            + ["-X", "-q", "-v", "ON_ERROR_STOP=1"] + extraArguments + ["-f", path]
        // NOTICEs ("…does not exist, skipping") would only clutter stderr, which tests may check.
        let output = try runProcess(
            psql, arguments,
            environment: ["PGOPTIONS": "-c client_min_messages=warning", "PGCONNECT_TIMEOUT": "10"]
        )
        guard output.exitCode == 0 else {
            throw HarnessError.commandFailed(command: [psql] + arguments, output: output, sql: sql)
        }
        return output
    }

    private func withScriptFile<T>(_ sql: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemac-\(UUID().uuidString).sql")
        try sql.write(to: url, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }
}
