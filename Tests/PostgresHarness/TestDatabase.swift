import Foundation
import Synchronization

/// A fresh, empty database of its own for one test; tests run in parallel.
public struct TestDatabase: Sendable {
    public let name: String
    public let server: PostgresServer
    public let psql: PSQL

    private static let counter = Atomic<Int>(0)

    /// Creates the database. `label` (e.g. the test's name) only helps find it when debugging.
    public init(label: String = "test") throws {
        server = try PostgresServer.shared()
        name = Self.uniqueName(label: label)
        psql = server.psql(database: name)
        try server.psql().run(sql: "CREATE DATABASE \"\(name)\";")
    }

    /// Runs `body` with a fresh database, dropping it afterwards even when `body` throws.
    public static func with<T>(label: String = "test", _ body: (TestDatabase) throws -> T) throws -> T {
        let db = try TestDatabase(label: label)
        defer { try? db.drop() }
        return try body(db)
    }

    public func drop() throws {
        try server.psql().run(sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE);")
    }

    @discardableResult
    public func run(sql: String) throws -> ProcessOutput { try psql.run(sql: sql) }

    @discardableResult
    public func runFile(path: String) throws -> ProcessOutput { try psql.runFile(path: path) }

    public func query(_ sql: String) throws -> [[String]] { try psql.query(sql) }

    /// pid + counter is unique within this machine's live processes; the random part keeps
    /// a reused pid from meeting a database that an earlier, failed run left behind.
    private static func uniqueName(label: String) -> String {
        let safe = label.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let random = String(UInt16.random(in: .min ... .max), radix: 16)
        return "schemac_\(String(safe.prefix(24)))_\(getpid())_\(n)_\(random)"
    }
}
