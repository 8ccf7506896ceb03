import Foundation
import PostgresHarness

/// A psql client running a script in the background (a write load, say) while
/// the test does something else; only this process is ever stopped, by its own id.
final class BackgroundPSQL: @unchecked Sendable {
    private let process = Process()
    private let files: [URL]

    init(_ db: TestDatabase, script: String) throws {
        guard let psql = findExecutable("psql", preferring: ["/usr/lib/postgresql/15/bin/psql"]) else {
            throw HarnessError.serverUnavailable("psql not found")
        }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("schemac-bg-\(UUID().uuidString)")
        let scriptURL = base.appendingPathExtension("sql")
        let outURL = base.appendingPathExtension("out")
        let errURL = base.appendingPathExtension("err")
        files = [scriptURL, outURL, errURL]
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        for url in [outURL, errURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = db.server.connectionArguments(database: db.name) + ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", scriptURL.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["PGOPTIONS": "-c client_min_messages=warning"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        for url in files { try? FileManager.default.removeItem(at: url) }
    }

    /// Waits for the script to end; past `timeout` seconds the client is stopped and this throws.
    func wait(timeout: TimeInterval) throws -> ProcessOutput {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw HarnessError.unexpectedOutput("background psql still running after \(timeout)s; stopped it")
        }
        process.waitUntilExit()
        return ProcessOutput(
            stdout: (try? String(contentsOf: files[1], encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: files[2], encoding: .utf8)) ?? "",
            exitCode: process.terminationStatus)
    }
}
