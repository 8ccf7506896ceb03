import Foundation
import SchemacCLI
import WarehouseSynth

/// `make bench`: times the release `schemac` on synthetic warehouses of several
/// sizes and writes the medians to a Markdown file the README links to.
///
///   schemac-bench [--sizes 100,1000,5000] [--runs 5] [--schemac PATH] [--report FILE]
struct BenchOptions {
    var sizes = [100, 1000, 5000]
    var runs = 5
    var schemac = ".build/release/schemac"
    var report = "docs/benchmarks.md"

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--schemac": schemac = value
            case "--report": report = value
            default: FileHandle.standardError.write(Data("schemac-bench: unknown option \(flag)\n".utf8))
            }
        }
    }
}

/// One measured command at one size.
struct Row {
    var size: Int
    var command: String
    var seconds: Double
    var cpuSeconds: Double
    var megabytes: Double
}

let options = BenchOptions(Array(CommandLine.arguments.dropFirst()))
let loadBefore = Measure.loadAverage()
var rows: [Row] = []
for size in options.sizes {
    let workspace = try BenchWorkspace(size: size)
    let commands: [(String, [String])] = [
        ("schemac sql", ["sql", "--schema", workspace.baseSchema]),
        ("schemac diff --check (no change)", ["diff", "--check", "--schema", workspace.baseSchema, "--out", workspace.output]),
        ("schemac diff (10% of tables changed)", ["diff", "--schema", workspace.changedSchema, "--out", workspace.output]),
    ]
    // The workspace was just written: flush it to disk first, so the kernel's
    // writeback does not compete with the runs, and warm the caches with one
    // unmeasured run of each command.
    sync()
    for (name, arguments) in commands {
        _ = Measure.run([options.schemac] + arguments)
        let samples = (0..<options.runs).map { _ in Measure.run([options.schemac] + arguments) }
        if let failed = samples.first(where: { $0.status != 0 }) {
            print("schemac-bench: \(name) at \(size) tables exited \(failed.status)")
            exit(1)
        }
        let row = Row(
            size: size, command: name, seconds: Measure.median(samples.map(\.seconds)),
            cpuSeconds: Measure.median(samples.map(\.cpuSeconds)), megabytes: Measure.median(samples.map(\.peakMegabytes)))
        print(String(format: "%5d tables  %-40@ %8.1f ms wall  %8.1f ms cpu  %7.1f MB", size, name, row.seconds * 1000, row.cpuSeconds * 1000, row.megabytes))
        rows.append(row)
    }
}
let machine = BenchReport.Machine(cores: ProcessInfo.processInfo.activeProcessorCount, loadBefore: loadBefore, loadAfter: Measure.loadAverage())
let report = BenchReport(rows: rows, runs: options.runs, machine: machine).markdown
try report.write(toFile: options.report, atomically: true, encoding: .utf8)
print("schemac-bench: wrote \(options.report)")
