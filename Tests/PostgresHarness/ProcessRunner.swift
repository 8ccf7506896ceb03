import Foundation

/// What a finished child process printed, and how it ended.
public struct ProcessOutput: Sendable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String, stderr: String, exitCode: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

public enum HarnessError: Error, CustomStringConvertible {
    case serverUnavailable(String)
    case commandFailed(command: [String], output: ProcessOutput, sql: String?)
    case unexpectedOutput(String)

    public var description: String {
        switch self {
        case .serverUnavailable(let why):
            return "PostgreSQL for the integration tests is unavailable: \(why)"
        case .commandFailed(let command, let output, let sql):
            var text = "`\(command.joined(separator: " "))` exited with \(output.exitCode)\n"
            text += output.stderr.isEmpty ? "(no stderr)\n" : "stderr:\n\(output.stderr)"
            if let sql { text += "\nSQL:\n\(sql.prefix(4000))" }
            return text
        case .unexpectedOutput(let what):
            return "unexpected output: \(what)"
        }
    }
}

/// Runs `executable` to completion. Output goes to temporary files rather than pipes:
/// nothing can deadlock on a full pipe, and a stray fd inherited by a concurrently
/// spawned child (tests run in parallel) cannot delay end-of-file.
public func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:]
) throws -> ProcessOutput {
    let files = FileManager.default.temporaryDirectory
    let stdoutURL = files.appendingPathComponent("schemac-\(UUID().uuidString).out")
    let stderrURL = files.appendingPathComponent("schemac-\(UUID().uuidString).err")
    defer {
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }
    let stdout = try openForWriting(stdoutURL)
    let stderr = try openForWriting(stderrURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    try stdout.close()
    try stderr.close()

    return ProcessOutput(
        stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
        stderr: try String(contentsOf: stderrURL, encoding: .utf8),
        exitCode: process.terminationStatus
    )
}

private func openForWriting(_ url: URL) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw HarnessError.unexpectedOutput("cannot create \(url.path)")
    }
    return try FileHandle(forWritingTo: url)
}

/// The first executable called `name` among `candidates`, then on PATH.
public func findExecutable(_ name: String, preferring candidates: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let onPath = path.split(separator: ":").map { "\($0)/\(name)" }
    return (candidates + onPath).first { FileManager.default.isExecutableFile(atPath: $0) }
}
