/// Where a command's output goes: collected, so tests can run commands in-process.
public final class Console {
    public private(set) var out = ""
    public private(set) var err = ""

    public init() {}

    func print(_ text: String) { out += text.hasSuffix("\n") || text.isEmpty ? text : text + "\n" }
    func error(_ text: String) { err += text.hasSuffix("\n") ? text : text + "\n" }
}

/// The exit codes of the CLI contract.
public enum ExitCode {
    public static let success: Int32 = 0
    /// `diff --check` found drift (or lint found an error-level finding).
    public static let drift: Int32 = 1
    /// Invalid input or usage.
    public static let invalidInput: Int32 = 2
    /// A destructive change was refused.
    public static let refused: Int32 = 3
}
