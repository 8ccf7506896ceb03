import Foundation
import Testing
import PostgresHarness

/// A write load keeps flowing while the emitted migration adds an index and a
/// foreign key to the table it writes to (CREATE INDEX CONCURRENTLY and
/// NOT VALID + VALIDATE doing their job), and — the control, so the test can
/// fail — the same index built plainly inside a transaction stops the writes.
/// Serialized: both measure pauses, and each would slow the other.
@Suite(.serialized) struct LockSafetyTests {
    /// The longest pause between two consecutive writes that still counts as "flowing".
    static let bound = 1.0
    static let rows = 200_000

    static let before = """
        schema: locks
        dimensions:
          customer:
            key: [code]
            columns: { code: varchar(20) }
        tables:
          event:
            columns:
              id: { type: bigint, identity: always, primary_key: true }
              customer_id: bigint?
              note: text
              payload: jsonb?
              written_at: { type: timestamptz, default: { sql: "clock_timestamp()" } }
        """

    /// A foreign key on customer_id (and its index), and a GIN index on payload:
    /// over 200k documents it takes seconds to build, so a blocking build would show.
    static let after = before
        .replacingOccurrences(of: "customer_id: bigint?", with: "customer_id: { references: customer, nullable: true }")
        + "\n    indexes:\n      - { columns: [payload], using: gin }\n"

    @Test func writesKeepFlowingWhileTheMigrationAddsAnIndexAndAForeignKey() throws {
        let history = try prepare(label: "locks_migration")
        defer { history.close() }
        let path = try history.generate(Self.after)
        let sql = try String(contentsOfFile: path, encoding: .utf8)
        #expect(sql.contains("CREATE INDEX CONCURRENTLY ix_event_payload") && sql.contains("CREATE INDEX CONCURRENTLY ix_event_customer_id"), "\(sql)")
        #expect(sql.contains("NOT VALID") && sql.contains("VALIDATE CONSTRAINT fk_event_customer_id"), "\(sql)")

        let load = try measureWrites(history) { try history.db.runFile(path: path) }
        print("lock safety, migration: \(load)")
        #expect(load.duration > Self.bound, "the migration took only \(load.duration)s: too short to show a blocked writer")
        #expect(load.maxGap < Self.bound, "writes stalled for \(load.maxGap)s while the migration ran (\(load))")
        #expect(load.writesDuring >= Int(load.duration * 20), "too few writes while the migration ran (\(load))")

        let catalog = try history.db.snapshot("locks")
        let event = try #require(catalog.table("event"))
        #expect(event.index("ix_event_payload")?.valid == true)
        #expect(event.index("ix_event_customer_id")?.valid == true)
        #expect(event.constraint("fk_event_customer_id")?.validated == true)
        #expect(try history.value("SELECT count(*) FROM locks.event WHERE note = 'w' AND customer_id IS NULL") == "0")
    }

    /// The control: the same GIN index, built without CONCURRENTLY in a
    /// transaction, holds the table's lock for the whole build.
    @Test func aPlainIndexBuildStopsTheWrites() throws {
        let history = try prepare(label: "locks_control")
        defer { history.close() }
        let load = try measureWrites(history) {
            try history.db.run(sql: "BEGIN;\nCREATE INDEX ix_event_payload_plain ON locks.event USING gin (payload);\nCOMMIT;")
        }
        print("lock safety, control: \(load)")
        #expect(load.maxGap > Self.bound, "a plain CREATE INDEX did not block the writer (\(load)): the measurement cannot see blocking")
    }

    struct Load: CustomStringConvertible {
        var duration: Double
        var maxGap: Double
        var writesDuring: Int
        var writes: Int
        var description: String {
            String(format: "ran %.2fs, longest pause between writes %.3fs, %d writes during it, %d in all", duration, maxGap, writesDuring, writes)
        }
    }

    /// The initial schema, 100 customers and `rows` events.
    private func prepare(label: String) throws -> DataHistory {
        let history = try DataHistory(label: label, schema: "locks", yaml: Self.before)
        try history.db.run(sql: """
            INSERT INTO locks.t_d_customer (code) SELECT 'C' || i FROM generate_series(1, 100) AS i;
            INSERT INTO locks.event (customer_id, note, payload, written_at)
            SELECT 1 + i % 100, 'seed',
                   jsonb_build_object('n', i, 'tag', md5(i::text), 'mod', i % 7, 'list', jsonb_build_array(i, i + 1, md5((i * 3)::text))),
                   timestamptz '2000-01-01'
            FROM generate_series(1, \(Self.rows)) AS i;
            VACUUM ANALYZE locks.event;
            CREATE TABLE public.writer_stop ();
            """)
        return history
    }

    /// Runs `action` while a second client inserts into locks.event in short
    /// transactions, about every 10 ms, each stamped by clock_timestamp().
    private func measureWrites(_ history: DataHistory, during action: () throws -> Void) throws -> Load {
        let write = """
            INSERT INTO locks.event (customer_id, note, payload) VALUES (1 + (random() * 99)::int, 'w', '{"w": 1}');
            SELECT pg_sleep(0.01) WHERE NOT EXISTS (SELECT FROM public.writer_stop);
            """
        let writer = try BackgroundPSQL(history.db, script: String(repeating: write + "\n", count: 4000))
        // Let it get going, so there are writes before the action starts.
        let started = Date()
        while try history.value("SELECT count(*) FROM locks.event WHERE note = 'w'") == "0" && Date().timeIntervalSince(started) < 10 {
            usleep(50_000)
        }
        usleep(300_000)
        let begin = try history.value("SELECT clock_timestamp()")
        try action()
        let end = try history.value("SELECT clock_timestamp()")
        usleep(300_000)
        try history.db.run(sql: "INSERT INTO public.writer_stop DEFAULT VALUES;")
        let output = try writer.wait(timeout: 60)
        try #require(output.exitCode == 0, "the writer failed: \(output.stderr)")

        let row = try history.rows("""
            WITH w AS (
                SELECT written_at, written_at - lag(written_at) OVER (ORDER BY written_at) AS gap
                FROM locks.event WHERE note = 'w'
            )
            SELECT extract(epoch FROM timestamptz '\(end)' - timestamptz '\(begin)'),
                   coalesce(extract(epoch FROM max(gap)), 0),
                   count(*) FILTER (WHERE written_at BETWEEN '\(begin)' AND '\(end)'),
                   count(*),
                   min(written_at) < '\(begin)' AND max(written_at) > '\(end)'
            FROM w
            """)
        try #require(row.count == 1 && row[0].count == 5, "\(row)")
        try #require(row[0][4] == "t", "the writer did not run from before the action until after it")
        return Load(duration: Double(row[0][0]) ?? 0, maxGap: Double(row[0][1]) ?? 0, writesDuring: Int(row[0][2]) ?? 0, writes: Int(row[0][3]) ?? 0)
    }
}
