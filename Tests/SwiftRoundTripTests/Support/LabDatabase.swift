import Foundation
import PostgresKit
import SchemacDSL
import SchemacPlanner
import SchemacSQL
import PostgresHarness

/// A fresh database holding the every-type fixture's schema (created by schemac's own
/// CREATE script), with a PostgresNIO connection to it for the generated code, and psql
/// for the hand-written SQL that writes rows and computes the oracle's answers.
struct LabDatabase: Sendable {
    let database: TestDatabase
    let connection: PostgresConnection

    var sql: any SQLDatabase { connection.sql() }

    /// Runs `body` on a new database, which is dropped afterwards even when `body` throws.
    static func with<T: Sendable>(label: String, _ body: (LabDatabase) async throws -> T) async throws -> T {
        let database = try TestDatabase(label: label)
        do {
            try database.run(sql: try createScript())
            let connection = try await connect(database)
            let lab = LabDatabase(database: database, connection: connection)
            let result: Result<T, any Error>
            do { result = .success(try await body(lab)) } catch { result = .failure(ServerError(error)) }
            try await connection.close()
            try database.drop()
            return try result.get()
        } catch {
            try? database.drop()
            throw error
        }
    }

    /// Runs hand-written SQL through psql (ON_ERROR_STOP).
    func psql(_ sql: String) throws { try database.run(sql: sql) }

    /// The rows of a hand-written query, every value as psql prints it.
    func query(_ sql: String) throws -> [[String]] { try database.query(sql) }

    private static func connect(_ database: TestDatabase) async throws -> PostgresConnection {
        let configuration = PostgresConnection.Configuration(
            host: database.server.host, port: database.server.port, username: database.server.user, password: nil,
            database: database.name, tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: Logger(label: "schemac.swift-round-trip"))
        // `date` and `timestamp` values convert to and from Date in the session's time zone
        // (docs/swift.md); the cluster's default depends on the machine.
        _ = try await connection.query("SET TIME ZONE 'UTC'", logger: connection.logger)
        return connection
    }

    /// `schemac sql` for Fixtures/swift/every_type/schema.
    static func createScript() throws -> String {
        let folder = URL(fileURLWithPath: #filePath)  // Tests/SwiftRoundTripTests/Support/LabDatabase.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SchemacTests/Fixtures/swift/every_type/schema").path
        let compiled = try SchemaLoader.load(directory: folder).get()
        return SQLRenderer.script(Planner.creation(of: compiled.schema))
    }
}

/// PSQLError describes itself generically so as not to leak data into logs; a test
/// failure needs the server's message.
struct ServerError: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        description = error is PSQLError ? String(reflecting: error) : String(describing: error)
    }
}
