import Foundation

/// The benchmark figures as Markdown, with the targets they are held to.
struct BenchReport {
    struct Machine {
        var cores: Int
        var loadBefore: Double
        var loadAfter: Double
    }

    var rows: [Row]
    var runs: Int
    var machine: Machine

    var markdown: String {
        var lines = [
            "# schemac benchmarks",
            "",
            "Written by `make bench` (`Benchmarks/schemac-bench`): synthetic warehouses from",
            "`WarehouseSynth` (about 40% dimensions, many SCD2 and some with hierarchies, the rest",
            "facts with 2–5 dimension references, 8–15 columns a table), release build, the median",
            "of \(runs) runs each (after one unmeasured warm-up run): wall time, CPU time (user + system; above the wall time when",
            "schemac keeps both cores busy) and peak resident memory of the `schemac` process.",
            String(format: "Machine: %d cores, 1-minute load average %.2f before and %.2f after the runs.", machine.cores, machine.loadBefore, machine.loadAfter),
            "[performance.md](performance.md) says where the time goes; `SCHEMAC_TIMINGS=1` prints the stages of one run.",
            "",
            "| tables | command | wall (median) | CPU (median) | peak memory |",
            "|---:|---|---:|---:|---:|",
        ]
        for row in rows {
            lines.append(String(format: "| %d | %@ | %.1f ms | %.1f ms | %.1f MB |", row.size, row.command, row.seconds * 1000, row.cpuSeconds * 1000, row.megabytes))
        }
        lines += ["", "Targets (2-core machine): at 1,000 tables the no-change check and the change diff each ≤ 100 ms and ≤ 100 MB;", "5,000 tables ≤ 5× the 1,000-table time.", ""]
        lines += verdicts()
        return lines.joined(separator: "\n") + "\n"
    }

    private func verdicts() -> [String] {
        var lines: [String] = []
        for command in ["schemac diff --check (no change)", "schemac diff (10% of tables changed)"] {
            guard let thousand = rows.first(where: { $0.size == 1000 && $0.command == command }) else { continue }
            let ok = thousand.seconds <= 0.1 && thousand.megabytes <= 100
            lines.append("- \(command) at 1,000 tables: \(ok ? "within" : "OVER") target")
            if let fiveThousand = rows.first(where: { $0.size == 5000 && $0.command == command }) {
                let ratio = fiveThousand.seconds / max(thousand.seconds, 1e-9)
                lines.append(String(format: "- %@ at 5,000 tables: %.1f× the 1,000-table time (%@)", command, ratio, ratio <= 5 ? "within target" : "OVER target"))
            }
        }
        return lines
    }
}
