import Foundation
import Testing

/// The closure triggers of `maintain: trigger`, run on PostgreSQL: after every operation of a
/// seeded random walk the closure table equals a recursive walk of the parent column, and
/// moves that would make a cycle, or deletes of inner nodes, are refused without a trace.
@Suite struct ClosureTriggerTests {
    struct Target: Sendable, CustomTestStringConvertible {
        var label: String
        var yaml: String
        var table: String
        var testDescription: String { label }
    }

    static let targets = [
        Target(label: "scd1", yaml: """
            schema: closure_it
            dimensions:
              node:
                hierarchy: closure
                columns: { name: text }
            """, table: "t_d_node"),
        Target(label: "scd2", yaml: """
            schema: closure_it
            dimensions:
              node:
                history: scd2
                key: [code]
                hierarchy: closure
                columns: { code: varchar(40), name: text }
            """, table: "t_d_node"),
        // Schema, table, closure table and parent column are all keywords that must be quoted.
        Target(label: "quoted names", yaml: """
            schema: select
            naming: { dimension: "{name}" }
            dimensions:
              order:
                hierarchy: { parent: group, closure_table: user }
                columns: { name: text }
            """, table: "order"),
    ]

    static let steps = 400
    static let batch = 10  // operations per psql round trip; the closure is checked after each one

    @Test(arguments: targets)
    func randomWalkKeepsTheClosureExact(_ target: Target) throws {
        let seed = SeededGenerator.seed(default: 20_240_601)
        let replay = "seed \(seed) (replay with SCHEMAC_SEED=\(seed)), \(target.label)"
        try ClosureWorld.with(target.yaml, dimensionTable: target.table) { world in
            var walk = ClosureWalk(world: world, seed: seed)
            for start in stride(from: 1, through: Self.steps, by: Self.batch) {
                var script = "", summaries: [Int: String] = [:]
                for number in start..<min(start + Self.batch, Self.steps + 1) {
                    let step = walk.step(number)
                    summaries[number] = step.summary
                    script += step.sql + ";\n" + world.oracle(step: number) + "\n"
                }
                script += "SELECT 'node', id, coalesce(\(world.parent)::text, '-') FROM \(world.table) ORDER BY id;"
                let rows: [[String]]
                do {
                    rows = try world.db.query(script)
                } catch {
                    let ops = summaries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                    Issue.record("\(replay): an operation of steps \(ops) failed: \(error)")
                    return
                }
                let diffs = rows.filter { $0.first == "diff" }
                if let first = diffs.first, let number = Int(first[1]) {
                    let shown = diffs.filter { $0[1] == first[1] }.map { "\($0[2]) \($0[3])→\($0[4]) depth \($0[5])" }
                    Issue.record("\(replay): after step \(number) (\(summaries[number] ?? "?")) the closure differs from parent_id: \(shown)")
                    return
                }
                // The model picks the next operations, so it must agree with the table.
                let actual = rows.filter { $0.first == "node" }.map { "\($0[1]):\($0[2])" }
                let expected = walk.ids.map { "\($0):\(walk.parent[$0]!.map(String.init) ?? "-")" }
                try #require(actual == expected, "\(replay): rows after step \(start + Self.batch - 1) differ from the model")
            }
            // A walk that never built a big, deep tree would prove little.
            let depth = try world.db.query("SELECT max(depth) FROM \(world.closure)").first?.first.flatMap { Int($0) } ?? 0
            #expect(walk.ids.count > 50 && depth > 5, "\(replay): the walk left \(walk.ids.count) rows, \(depth) levels deep")
        }
    }

    @Test(arguments: targets)
    func cyclesAndInnerDeletesAreRefusedWithoutATrace(_ target: Target) throws {
        try ClosureWorld.with(target.yaml, dimensionTable: target.table) { world in
            // r ─ a ─ b ─ d, and r ─ s
            try world.db.run(sql: [("r", nil), ("a", "r"), ("b", "a"), ("d", "b"), ("s", "r")]
                .map { world.insert($0.0, under: $0.1) }.joined(separator: "\n"))
            #expect(try world.diffRows().isEmpty)
            let before = try world.state()
            #expect(before.filter { $0[0] == "link" }.count == 5 + 4 + 2 + 1, "self rows, then links below r, a and b")

            let refusals: [(String, String)] = [
                ("under its own descendant", world.move("a", under: world.id("d"))),
                ("under its own child", world.move("b", under: world.id("d"))),
                ("under itself", world.move("b", under: "id")),
                ("the root under a leaf", world.move("r", under: world.id("s"))),
                // Each row alone is a legal move; together they form a cycle a ⇄ s.
                ("a swap in one statement", """
                    UPDATE \(world.table) SET \(world.parent) = CASE name WHEN 'a' THEN \(world.id("s")) ELSE \(world.id("a")) END
                    WHERE name IN ('a', 's');
                    """),
            ]
            for (what, sql) in refusals {
                world.db.expectRejected(sql, sqlstate: "23514", "(\(target.label): move \(what))")
                #expect(try world.state() == before, "\(target.label): refused move \(what) changed the tree or closure")
            }
            // parent_id is ON DELETE RESTRICT: only leaves can go.
            world.db.expectRejected("DELETE FROM \(world.table) WHERE name = 'a';", sqlstate: "23503", "(\(target.label))")
            #expect(try world.state() == before, "\(target.label): refused delete changed the tree or closure")

            try world.db.run(sql: "DELETE FROM \(world.table) WHERE name = 'd';")
            #expect(try world.diffRows().isEmpty, "\(target.label): deleting a leaf left closure rows behind")

            // The oracle itself must see a lost link and a forged one.
            try world.db.run(sql: """
                DELETE FROM \(world.closure) WHERE depth = 2;
                UPDATE \(world.closure) SET depth = 7 WHERE ancestor_id = \(world.id("r")) AND descendant_id = \(world.id("s"));
                """)
            let kinds = Set(try world.diffRows().map { $0[2] })
            #expect(kinds == ["missing", "unexpected"], "\(target.label): the oracle missed a corrupted closure")
        }
    }

    /// Moving b up and a under b in one statement ends in a valid tree (r ─ b ─ a), but the
    /// move trigger judges the rows one at a time in row order: a (first in the heap) under
    /// b while b is still below a looks like a cycle. A documented limitation: such a
    /// reorder is split into two statements.
    @Test func reorderingAChainInOneStatementIsAccepted() throws {
        try ClosureWorld.with(Self.targets[0].yaml, dimensionTable: Self.targets[0].table) { world in
            try world.db.run(sql: [("r", nil), ("a", "r"), ("b", "a")].map { world.insert($0.0, under: $0.1) }.joined(separator: "\n"))
            let reorder = """
                UPDATE \(world.table) SET \(world.parent) = CASE name WHEN 'b' THEN \(world.id("r")) ELSE \(world.id("b")) END
                WHERE name IN ('a', 'b');
                """
            withKnownIssue("a one-statement reorder is judged row by row (documented limitation)") {
                try world.db.run(sql: reorder)
            }
            #expect(try world.diffRows().isEmpty)
        }
    }
}
