import Foundation
import Testing
import WarehouseSynth
import PostgresHarness

/// The migration oracle: applying the up migrations in order yields the same
/// catalog as applying `schemac sql` of the final schema to an empty database,
/// and applying the down migrations back yields the catalog of each earlier
/// version. Columns compare as a set by name (an added column goes at the end).
@Suite struct MigrationOracleTests {
    // MARK: hand-written histories

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SchemacTests/Fixtures/migrations").path

    /// Every case folder with `before/` and `after/`, whatever exists when the tests run.
    static var fixtureCases: [String] {
        func isFolder(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return names.filter { name in isFolder("\(fixtures)/\(name)/before") && isFolder("\(fixtures)/\(name)/after") }.sorted()
    }

    @Test func thereAreHandWrittenHistories() {
        #expect(Self.fixtureCases.count >= 1, "no case folder with before/ and after/ under \(Self.fixtures)")
    }

    /// before → 0001, after → 0002; 0001+0002 up equals `schemac sql` of after,
    /// 0002 down equals `schemac sql` of before, 0001 down leaves nothing.
    @Test(arguments: fixtureCases)
    func handWrittenHistory(_ name: String) throws {
        if let known = Self.knownFixtureIssues[name] {
            withKnownIssue(Comment(rawValue: known), isIntermittent: true) { try checkHistory(name) }
        } else {
            try checkHistory(name)
        }
    }

    /// Cases whose migrations schemac gets wrong today, by case name (none at the moment).
    static let knownFixtureIssues: [String: String] = [:]

    private func checkHistory(_ name: String) throws {
        let folder = "\(Self.fixtures)/\(name)"
        let workspace = try SchemaWorkspace(label: name)

        try workspace.copySchema(from: folder + "/before")
        let beforeSQL = workspace.sql()
        try #require(beforeSQL.status == 0, "\(beforeSQL)")
        let first = workspace.generate()
        try #require(first.status == 0, "\(first)")
        let beforeSchema = try workspace.schemaName()

        try workspace.copySchema(from: folder + "/after")
        let afterSQL = workspace.sql()
        try #require(afterSQL.status == 0, "\(afterSQL)")
        let second = workspace.generate()
        try #require(second.status == 0, "\(second)")
        let afterSchema = try workspace.schemaName()
        let check = workspace.diffCheck()
        #expect(check.status == 0, "\(check)")
        let migrations = workspace.migrations()
        try #require(migrations.count == 2, "expected 0001 and 0002, got \(migrations)")

        let migrated = try TestDatabase(label: "hist_m_" + name)
        defer { try? migrated.drop() }
        let fresh = try TestDatabase(label: "hist_f_" + name)
        defer { try? fresh.drop() }

        try migrated.runFile(path: workspace.upPath(migrations[0]))
        try migrated.runFile(path: workspace.upPath(migrations[1]))
        try fresh.rebuild(schema: afterSchema, sql: afterSQL.out)
        let upDiff = try migrated.snapshot(afterSchema).oracleDiff(against: fresh.snapshot(afterSchema))
        #expect(upDiff.isEmpty, "\(name): 0001+0002 up ≠ schemac sql of after (- migrated, + fresh):\n\(upDiff.joined(separator: "\n"))")

        try migrated.runFile(path: workspace.downPath(migrations[1]))
        try fresh.rebuild(schema: beforeSchema, sql: beforeSQL.out)
        let downDiff = try migrated.snapshot(beforeSchema).oracleDiff(against: fresh.snapshot(beforeSchema), ignoringExtensions: true)
        #expect(downDiff.isEmpty, "\(name): 0002 down ≠ schemac sql of before (- migrated, + fresh):\n\(downDiff.joined(separator: "\n"))")

        try migrated.runFile(path: workspace.downPath(migrations[0]))
        let empty = try migrated.snapshot(beforeSchema)
        #expect(empty.tables.isEmpty && empty.enums.isEmpty && empty.functions.isEmpty,
                "\(name): 0001 down leaves \(empty.oracleLines(ignoringExtensions: true).dropFirst().joined(separator: "\n"))")
    }

    // MARK: the oracle itself

    /// The comparison ignores where an added column sits, and nothing else: a
    /// migration with one statement left out is caught.
    @Test func theOracleSeesAMissingStatementButNotColumnOrder() throws {
        let before = """
            schema: selfcheck
            tables:
              item:
                columns:
                  id: { type: bigint, identity: always, primary_key: true }
                  name: varchar(40)
                  price: "numeric(10,2)"

            """
        let after = before.replacingOccurrences(of: "      name: varchar(40)\n", with: "      name: varchar(40)\n      note: { type: text?, comment: \"added\" }\n")
            + "    indexes:\n      - { columns: [name] }\n"
        let workspace = try SchemaWorkspace(label: "selfcheck")
        try workspace.write(yaml: before)
        try #require(workspace.generate().status == 0)
        try workspace.write(yaml: after)
        try #require(workspace.generate().status == 0)
        let migrations = workspace.migrations()
        try #require(migrations.count == 2)
        let up = try String(contentsOfFile: workspace.upPath(migrations[1]), encoding: .utf8)
        let tampered = up.components(separatedBy: "\n").filter { !$0.hasPrefix("CREATE INDEX") }.joined(separator: "\n")
        try #require(tampered != up, "the migration has no CREATE INDEX to leave out:\n\(up)")

        try TestDatabase.with(label: "selfcheck_m") { migrated in
            try TestDatabase.with(label: "selfcheck_f") { fresh in
                try migrated.runFile(path: workspace.upPath(migrations[0]))
                try migrated.run(sql: tampered)
                try fresh.rebuild(schema: "selfcheck", sql: workspace.sql().out)
                let missed = try migrated.snapshot("selfcheck").oracleDiff(against: fresh.snapshot("selfcheck"))
                #expect(missed.count == 1 && missed.first?.hasPrefix("+ index selfcheck.item.ix_item_name:") == true, "\(missed)")

                try migrated.run(sql: "CREATE INDEX ix_item_name ON selfcheck.item (name);")
                let complete = try migrated.snapshot("selfcheck"), expected = try fresh.snapshot("selfcheck")
                #expect(complete.oracleDiff(against: expected).isEmpty, "\(complete.oracleDiff(against: expected))")
                // The added column is last in the migrated table, third in the fresh one: only the positions differ.
                #expect(!complete.diff(against: expected).isEmpty, "the column order was expected to differ")
            }
        }
    }

    // MARK: the benchmark's change set

    /// WarehouseSynth is a pure function of its seed, and its change set (one
    /// change of every kind at once, as `make bench` uses it) is valid DSL whose
    /// migration passes the oracle both ways.
    @Test func changeSetMigratesBothWays() throws {
        let seed = OracleSeed.value(default: Self.defaultSeed)
        let base = WarehouseModel.generate(tables: 12, seed: seed)
        #expect(base.yaml() == WarehouseModel.generate(tables: 12, seed: seed).yaml(), "generate is not deterministic")
        #expect(base.yaml() != WarehouseModel.generate(tables: 12, seed: seed &+ 1).yaml(), "the seed changes nothing")
        let changed = base.changeSet(fraction: 0.3, seed: seed)
        #expect(changed.yaml() == base.changeSet(fraction: 0.3, seed: seed).yaml(), "changeSet is not deterministic")

        let walk = try MigrationWalk(label: "changeset")
        defer { walk.close() }
        try #require(try walk.advance(to: base.yaml(), step: 0, change: "generated warehouse") == .advanced)
        try #require(try walk.advance(to: changed.yaml(), step: 1, change: "change set (every kind, 30% of the tables)") == .advanced)
        try walk.walkBack(1, step: 1)
        for problem in walk.problems {
            if let known = KnownIssue.all.first(where: { $0.matches(problem) }) {
                withKnownIssue(Comment(rawValue: known.summary), isIntermittent: true) { Issue.record("seed \(seed)\n\(problem)") }
            } else {
                Issue.record("seed \(seed)\n\(problem)")
            }
        }
    }

    // MARK: the random walk

    static let defaultSeed: UInt64 = 0x5EED_2024
    /// `SCHEMAC_WALK_STEPS` makes longer local runs; `SCHEMAC_WALK_BACK` how many
    /// down migrations are walked every 20 steps (by default all 20, so every
    /// down migration of the walk runs once).
    static let steps = OracleSettings.count("SCHEMAC_WALK_STEPS", default: 200)
    static let walkBack = OracleSettings.count("SCHEMAC_WALK_BACK", default: 20)

    /// A seeded walk over a random warehouse: every step one change, its
    /// migration applied and compared with a fresh build; every 20 steps and at
    /// the end, the down migrations back to the previous such point, each
    /// compared with the catalog of its earlier version, and up again.
    @Test func randomWalk() {
        let seed = OracleSeed.value(default: Self.defaultSeed)
        do {
            try walk(seed: seed)
        } catch {
            Issue.record("seed 0x\(String(seed, radix: 16)) (rerun with SCHEMAC_SEED=0x\(String(seed, radix: 16))): the walk stopped: \(error)")
        }
    }

    private func walk(seed: UInt64) throws {
        let started = Date()
        var rng = SplitMix64(seed: seed)
        var model = WarehouseModel.generate(tables: rng.int(in: 6...10), seed: seed)
        let walk = try MigrationWalk(label: "walk")
        defer { walk.close() }
        var applied: [ChangeKind: Int] = [:]
        var schedule: [ChangeKind] = []

        guard try walk.advance(to: model.yaml(), step: 0, change: "initial warehouse") == .advanced else {
            return report(walk, seed: seed, applied: applied, started: started)
        }
        for step in 1...Self.steps {
            // A rename hint taken out a step or two after its rename: the schema is the same, so no migration.
            if let hintless = model.removingExpiringRenameHints() {
                _ = try walk.advance(to: hintless.yaml(), step: step, change: "renamed_from hints taken out", expectingNoMigration: true)
            }
            if schedule.isEmpty { schedule = rng.shuffled(ChangeKind.allCases) }
            let previous = model
            let change = model.mutate(using: &rng, kinds: [schedule.removeFirst()])
            switch try walk.advance(to: model.yaml(), step: step, change: change.description) {
            case .advanced: applied[change.kind, default: 0] += 1
            case .rejected: model = previous
            case .broken: return report(walk, seed: seed, applied: applied, started: started)
            }
            if step % 20 == 0 || step == Self.steps { try walk.walkBack(Self.walkBack, step: step) }
        }
        #expect(try walk.readersAgree(), "the one-query catalog reader disagrees with CatalogSnapshot.read")
        report(walk, seed: seed, applied: applied, started: started)
    }

    private func report(_ walk: MigrationWalk, seed: UInt64, applied: [ChangeKind: Int], started: Date) {
        let seedText = "seed 0x\(String(seed, radix: 16)) (rerun with SCHEMAC_SEED=0x\(String(seed, radix: 16)))"
        let timings = walk.timings.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", $0.value))s" }
        print("random walk: \(seedText), \(walk.versions.count) versions, \(walk.hintChecks) hint removals, \(walk.problems.count) problems, "
              + "\(String(format: "%.1f", Date().timeIntervalSince(started)))s (\(timings.joined(separator: ", ")))")
        let missing = ChangeKind.allCases.filter { applied[$0] == nil }
        #expect(missing.isEmpty, "\(seedText): change kinds never applied: \(missing.map(\.rawValue))")
        #expect(walk.versions.count > Self.steps / 2, "\(seedText): only \(walk.versions.count) versions")
        for problem in walk.problems {
            if let known = KnownIssue.all.first(where: { $0.matches(problem) }) {
                withKnownIssue(Comment(rawValue: known.summary), isIntermittent: true) { Issue.record("\(seedText)\n\(problem)") }
            } else {
                Issue.record("\(seedText)\n\(problem)")
            }
        }
    }
}

/// schemac bugs the walk finds, reported and not yet fixed: their problems are
/// recorded as known issues (intermittent: another seed may not meet them).
struct KnownIssue: Sendable {
    var summary: String
    var matches: @Sendable (MigrationWalk.Problem) -> Bool

    /// Empty today: the column-rename fast path and the unquoted SET NOT NULL
    /// check the walk found are fixed. Add one here, with its matcher, when the
    /// walk finds a bug that cannot be fixed at once.
    static let all: [KnownIssue] = []
}
