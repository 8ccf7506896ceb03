import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `SCHEMAC_TIMINGS=1 schemac …` prints how long each stage took to standard
/// error: the first thing to look at when a large warehouse feels slow (see
/// docs/benchmarks.md). Off by default, and then it costs one branch a stage.
enum StageTimer {
    static let isEnabled = getenv("SCHEMAC_TIMINGS").map { String(cString: $0) != "" && String(cString: $0) != "0" } ?? false
    /// The first stage's start (static lets are set on first use).
    private static let start = DispatchTime.now().uptimeNanoseconds

    static func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard isEnabled else { return try body() }
        let origin = start
        let begin = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let end = DispatchTime.now().uptimeNanoseconds
        let line = "schemac: timing: \(stage): \(milliseconds(end - begin)) ms (at \(milliseconds(end - origin)) ms)\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
        return result
    }

    private static func milliseconds(_ nanoseconds: UInt64) -> String {
        let tenths = (nanoseconds + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
