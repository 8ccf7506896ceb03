import Foundation

/// Runs a Python 3 script for checks that need a real third-party tool (the
/// JSON Schema validator, Mermaid's own parser). The tools are installed by
/// scripts/install-deps.sh; a missing one fails the test with that hint.
enum PythonTool {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ script: String, _ arguments: [String], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting: a full pipe would block the child forever.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// nil when every module imports; otherwise what to install.
    static func missing(_ modules: [String]) -> String? {
        let check = "import importlib.util, sys; missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]; print(' '.join(missing))"
        guard let output = try? run(check, modules), output.status == 0 else { return "python3" }
        let missing = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return missing.isEmpty ? nil : missing
    }
}
