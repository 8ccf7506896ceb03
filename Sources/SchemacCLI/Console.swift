/// Where a command's output goes: collected, so tests can run commands in-process.
public final class Console {
    public private(set) var out = ""
    public private(set) var err = ""
    /// Set by the executable, which exits as soon as the command returns: values
    /// handed to `keepUntilExit` are then never freed. Freeing a large schema
    /// object by object takes longer than the kernel takes to drop the whole
    /// address space (20 ms of a 5,000-table diff; clang's -disable-free does the
    /// same). In-process runs, tests among them, free everything as usual.
    let exitsAfterCommand: Bool

    public init() { exitsAfterCommand = false }

    init(exitsAfterCommand: Bool) { self.exitsAfterCommand = exitsAfterCommand }

    func keepUntilExit(_ value: some Any) {
        guard exitsAfterCommand else { return }
        _ = Unmanaged.passRetained(Kept(value))
    }

    func print(_ text: String) { out += text.hasSuffix("\n") || text.isEmpty ? text : text + "\n" }
    func error(_ text: String) { err += text.hasSuffix("\n") ? text : text + "\n" }
}

/// A value deliberately left allocated until the process exits.
private final class Kept {
    let value: Any
    init(_ value: Any) { self.value = value }
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
