import Foundation
import PostgresHarness

/// Drives one schema history through the CLI and two databases: `migrated`
/// only ever receives the generated migrations, `fresh` is rebuilt from
/// `schemac sql` at every version. Records every disagreement as a problem
/// instead of stopping, and resynchronizes `migrated` so that one bug does
/// not hide the next.
final class MigrationWalk: @unchecked Sendable {
    struct Version {
        var migration: String
        var change: String
        var catalog: CatalogSnapshot
    }

    struct Problem: CustomStringConvertible, Sendable {
        enum Kind: String, Sendable { case generate, hint, check, sql, freshBuild, up, upCatalog, down, downCatalog, reUp, reUpCatalog }
        var kind: Kind
        var step: Int
        var change: String
        var detail: String
        var description: String { "step \(step) [\(kind.rawValue)] after \(change):\n\(detail)" }
    }

    let workspace: SchemaWorkspace
    let migrated: TestDatabase
    let fresh: TestDatabase
    private(set) var schema = ""
    private(set) var versions: [Version] = []
    private(set) var problems: [Problem] = []
    /// Down migrations below this version are not walked: an up migration
    /// there failed or diverged, and `migrated` was rebuilt instead.
    private(set) var trustedFrom = 0
    private(set) var timings: [String: Double] = [:]
    /// Steps that only took out `renamed_from` hints (and must write no migration).
    private(set) var hintChecks = 0
    /// The schema of the last version, and how the step being checked changes it.
    private var currentYAML = ""
    private var schemaChange = ""
    /// Guards `problems` and `timings`, which the parallel jobs of a step share.
    private let lock = NSLock()

    init(label: String) throws {
        workspace = try SchemaWorkspace(label: label)
        migrated = try TestDatabase(label: label + "_migrated")
        fresh = try TestDatabase(label: label + "_fresh")
    }

    func close() {
        try? migrated.drop()
        try? fresh.drop()
    }

    enum Outcome { case advanced, rejected, broken }

    /// Writes the next version of the schema and checks its migration.
    /// `rejected`: the CLI refused the schema, nothing was generated (the walk
    /// goes on from the previous version). `broken`: `schemac sql` of the new
    /// version failed, so there is nothing to compare with (the walk ends).
    /// With `expectingNoMigration` (a step that only takes out a `renamed_from`
    /// hint), writing a migration is itself a problem.
    func advance(to yaml: String, step: Int, change: String, expectingNoMigration: Bool = false) throws -> Outcome {
        schemaChange = Self.lineDiff(from: currentYAML, to: yaml)
        try workspace.write(yaml: yaml)
        let before = workspace.migrations()
        let generated = timed("cli generate") { workspace.generate() }
        guard generated.status == 0 else {
            record(.generate, step, change, "\(generated)\n--- schema ---\n\(yaml)")
            return .rejected
        }
        currentYAML = yaml
        let after = workspace.migrations()
        guard after.count == before.count + 1 || (after.count == before.count && !versions.isEmpty), let migration = after.last else {
            record(.generate, step, change, "expected one new migration, have \(before) → \(after)\n\(generated)")
            return .broken
        }
        let missing = after.count == before.count
        if expectingNoMigration {
            hintChecks += 1
            if missing {
                checkInSync(step: step, change: change)
                return .advanced
            }
            record(.hint, step, change, "taking out a renamed_from hint wrote a migration:\n"
                + ((try? String(contentsOfFile: workspace.upPath(migration), encoding: .utf8)) ?? ""))
        } else if missing {
            record(.generate, step, change, "the schema changed but no migration was written:\n\(generated)")
        }
        schema = try workspace.schemaName()
        let sql = timed("cli sql") { workspace.sql() }
        guard sql.status == 0 else {
            record(.sql, step, change, sql.description)
            return .broken
        }
        // Three independent jobs at once: the fresh build, the migration, and the CLI's own checks.
        let upPath = workspace.upPath(migration)
        let freshJob = Job<CatalogSnapshot>(), migrateJob = Job<Void>(), migratedCatalog = Job<CatalogSnapshot>()
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            runJob(job, sql: sql.out, upPath: missing ? nil : upPath, fresh: freshJob, migrate: migrateJob, migrated: migratedCatalog, step: step, change: change)
        }
        let expected: CatalogSnapshot
        switch freshJob.result {
        case let .success(catalog): expected = catalog
        case let .failure(error): record(.freshBuild, step, change, "\(error)\n--- schemac sql ---\n\(sql.out.prefix(6000))"); return .broken
        case nil: throw HarnessError.unexpectedOutput("the fresh build did not run")
        }
        if missing {
            // The snapshot moved on without a migration: the last migration's state is now this one.
            versions[versions.count - 1].catalog = expected
            versions[versions.count - 1].change += "; " + change
            try resync(sql: sql.out)
            return .advanced
        }
        versions.append(Version(migration: migration, change: change, catalog: expected))
        if case let .failure(error) = migrateJob.result {
            record(.up, step, change, failure(error, file: upPath))
            try resync(sql: sql.out)
            return .advanced
        }
        guard let actual = try migratedCatalog.result?.get() else { throw HarnessError.unexpectedOutput("the migration did not run") }
        let diff = actual.oracleDiff(against: expected)
        if !diff.isEmpty {
            record(.upCatalog, step, change, catalogReport(diff, file: upPath))
            try resync(sql: sql.out)
        }
        return .advanced
    }

    private func runJob(
        _ job: Int, sql: String, upPath: String?, fresh freshJob: Job<CatalogSnapshot>, migrate: Job<Void>, migrated catalog: Job<CatalogSnapshot>,
        step: Int, change: String
    ) {
        switch job {
        case 0:
            freshJob.run {
                try timed("fresh") { try fresh.rebuild(schema: schema, sql: sql) }
                return try timed("catalog") { try fresh.fastSnapshot(schema) }
            }
        case 1:
            guard let upPath else { return }
            migrate.run { _ = try timed("migrate") { try migrated.runFile(path: upPath) } }
            if case .success = migrate.result { catalog.run { try timed("catalog") { try migrated.fastSnapshot(schema) } } }
        default:
            checkInSync(step: step, change: change)
        }
    }

    /// `diff --check` is clean and planning again finds nothing to do.
    private func checkInSync(step: Int, change: String) {
        let check = timed("cli check") { workspace.diffCheck() }
        if check.status != 0 { record(.check, step, change, check.description) }
        do {
            let pending = try timed("replan") { try RePlan.pending(schema: workspace.schemaDir, out: workspace.outDir) }
            if !pending.isEmpty { record(.check, step, change, "re-planning is not empty:\n" + pending.joined(separator: "\n")) }
        } catch {
            record(.check, step, change, "re-planning failed: \(error)")
        }
    }

    /// Runs the down migrations of the last `count` versions (never below a
    /// resync), comparing with each earlier version's catalog, then the up
    /// migrations again back to the top.
    func walkBack(_ count: Int, step: Int) throws {
        let top = versions.count - 1
        let lowest = max(trustedFrom, top - count)
        guard lowest < top else { return }
        for v in stride(from: top, to: lowest, by: -1) {
            let migration = versions[v].migration
            let label = "down of \(migration) (\(versions[v].change))"
            do {
                try timed("migrate") { try migrated.runFile(path: workspace.downPath(migration)) }
            } catch {
                record(.down, step, label, failure(error, file: workspace.downPath(migration)))
                return try resyncToTop()
            }
            let diff = try timed("catalog") { try migrated.fastSnapshot(schema) }.oracleDiff(against: versions[v - 1].catalog, ignoringExtensions: true)
            if !diff.isEmpty {
                record(.downCatalog, step, label, catalogReport(diff, file: workspace.downPath(migration)))
                return try resyncToTop()
            }
        }
        for v in (lowest + 1)...top {
            let migration = versions[v].migration
            let label = "re-applying \(migration) (\(versions[v].change)) after its down"
            do {
                try timed("migrate") { try migrated.runFile(path: workspace.upPath(migration)) }
            } catch {
                record(.reUp, step, label, failure(error, file: workspace.upPath(migration)))
                return try resyncToTop()
            }
            let diff = try timed("catalog") { try migrated.fastSnapshot(schema) }.oracleDiff(against: versions[v].catalog)
            if !diff.isEmpty {
                record(.reUpCatalog, step, label, catalogReport(diff, file: workspace.upPath(migration)))
                return try resyncToTop()
            }
        }
    }

    /// Whether the one-query catalog reader sees both databases exactly as `CatalogSnapshot.read` does.
    func readersAgree() throws -> Bool {
        try [migrated, fresh].allSatisfy { db in try db.fastSnapshot(schema) == db.snapshot(schema) }
    }

    private func resyncToTop() throws {
        let sql = workspace.sql()
        guard sql.status == 0 else { throw HarnessError.unexpectedOutput(sql.description) }
        try resync(sql: sql.out)
    }

    /// `migrated` becomes a copy of the current version, built fresh.
    private func resync(sql: String) throws {
        try migrated.rebuild(schema: schema, sql: sql)
        trustedFrom = versions.count - 1
    }

    private func record(_ kind: Problem.Kind, _ step: Int, _ change: String, _ detail: String) {
        let context = [Problem.Kind.down, .downCatalog, .reUp, .reUpCatalog].contains(kind) ? "" : "\n--- schema change ---\n" + schemaChange
        lock.withLock { problems.append(Problem(kind: kind, step: step, change: change, detail: detail + context)) }
    }

    @discardableResult
    private func timed<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        defer { lock.withLock { timings[what, default: 0] += Date().timeIntervalSince(start) } }
        return try body()
    }
}
