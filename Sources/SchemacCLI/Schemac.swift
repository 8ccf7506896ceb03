import ArgumentParser
import Foundation

/// The `schemac` command line: parses arguments, runs one command, and maps
/// every outcome to the contract's exit codes (usage errors are 2, not 64).
public enum Schemac {
    /// Runs a command line in-process: the exit code and what it printed.
    public static func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        run(arguments, console: Console())
    }

    static func run(_ arguments: [String], console: Console) -> (status: Int32, out: String, err: String) {
        let status: Int32
        do {
            var command = try Root.parseAsRoot(arguments)
            if let runnable = command as? any SchemacSubcommand {
                status = StageTimer.measure("command") { runnable.execute(console) }
            } else {
                try command.run()
                status = ExitCode.success
            }
        } catch {
            let code = Root.exitCode(for: error)
            let message = Root.fullMessage(for: error)
            if code == .success {
                console.print(message)
                status = ExitCode.success
            } else {
                console.error(message)
                status = ExitCode.invalidInput
            }
        }
        return (status, console.out, console.err)
    }

    /// The executable's entry point.
    public static func main() -> Never {
        let result = run(Array(CommandLine.arguments.dropFirst()), console: Console(exitsAfterCommand: true))
        FileHandle.standardOutput.write(Data(result.out.utf8))
        FileHandle.standardError.write(Data(result.err.utf8))
        exit(result.status)
    }
}

/// A subcommand that reports through a Console and returns its exit code.
protocol SchemacSubcommand: ParsableCommand {
    func execute(_ console: Console) -> Int32
}

extension SchemacSubcommand {
    func run() throws {}
}

struct Root: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemac",
        abstract: "Compile a warehouse schema (dimensions, facts, hierarchies) to PostgreSQL migrations and Swift models.",
        subcommands: [Generate.self, Diff.self, SQL.self, Lint.self]
    )
}

/// Options every command that reads the schema shares.
struct SchemaOptions: ParsableArguments {
    @Option(name: .long, help: "The schema folder (every *.yaml/*.yml below it).")
    var schema = "schema"
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The output folder.")
    var out = "generated"
}
