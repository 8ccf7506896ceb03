import Foundation

/// The PostgreSQL server the integration and round-trip tests run against, one per
/// test process. A library target of its own so that both test targets share it.
///
/// Uses the server named by PGHOST/PGPORT/PGUSER when it answers (scripts/with-postgres.sh
/// sets them); otherwise starts the throwaway cluster of scripts/pg-cluster.sh, which is
/// left running for the next `swift test` and removed by `scripts/pg-cluster.sh stop`.
public struct PostgresServer: Sendable {
    public var host: String
    public var port: Int
    public var user: String

    /// Throws, never skips, when no server can be reached or started: a test that
    /// needs PostgreSQL must fail without one.
    public static func shared() throws -> PostgresServer {
        try bootstrap.get()
    }

    // A static let runs its initializer once, thread-safely, even under parallel tests.
    private static let bootstrap = Result { try findOrStart() }

    public func connectionArguments(database: String) -> [String] {
        ["-h", host, "-p", String(port), "-U", user, "-d", database]
    }

    public func psql(database: String = "postgres") -> PSQL {
        PSQL(server: self, database: database)
    }

    private func answers() -> Bool {
        (try? psql().query("SELECT 1")) == [["1"]]
    }

    private static func findOrStart() throws -> PostgresServer {
        let env = ProcessInfo.processInfo.environment
        if let port = env["PGPORT"].flatMap(Int.init) {
            let given = PostgresServer(
                host: env["PGHOST"] ?? "127.0.0.1", port: port, user: env["PGUSER"] ?? "postgres")
            if given.answers() { return given }
            print("PGPORT=\(port) does not answer; starting scripts/pg-cluster.sh instead")
        }
        let started = try startCluster()
        guard started.answers() else {
            throw HarnessError.serverUnavailable("started on port \(started.port) but does not answer")
        }
        return started
    }

    private static func startCluster() throws -> PostgresServer {
        let script = repositoryRoot.appendingPathComponent("scripts/pg-cluster.sh").path
        let output = try runProcess("/bin/bash", [script, "start"])
        guard output.exitCode == 0 else {
            throw HarnessError.serverUnavailable(
                "`\(script) start` exited with \(output.exitCode):\n\(output.stderr)")
        }
        return try parseExports(output.stdout)
    }

    /// Reads `export PGHOST=… PGPORT=… PGUSER=…`, the line pg-cluster.sh prints for `eval`.
    private static func parseExports(_ text: String) throws -> PostgresServer {
        var values: [String: String] = [:]
        for word in text.split(whereSeparator: \.isWhitespace) {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { values[pair[0]] = pair[1] }
        }
        guard let host = values["PGHOST"], let port = values["PGPORT"].flatMap(Int.init),
            let user = values["PGUSER"]
        else { throw HarnessError.unexpectedOutput("pg-cluster.sh start printed: \(text)") }
        return PostgresServer(host: host, port: port, user: user)
    }

    private static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)  // <root>/Tests/PostgresHarness/PostgresServer.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
