import Foundation
import SchemacCLI
import Testing
import PostgresHarness

/// What the history constraints schemac emits enforce on PostgreSQL: one current version
/// per business key, non-empty validity ranges, no overlapping ranges per key with
/// `no_overlap`, and a plain unique business key on scd1. Names are the contract's.
@Suite struct SCD2ConstraintTests {
    static let yaml = """
        schema: history_it
        dimensions:
          customer:
            history: scd2
            key: [email]
            columns: { email: varchar(100), name: text }
          price:
            history: { type: scd2, no_overlap: true }
            key: [price_list, product]
            columns: { price_list: varchar(20), product: varchar(40), amount: "numeric(12,2)" }
          store:
            key: [code]
            columns: { code: varchar(10), city: text }
        """

    static let customer = "history_it.t_d_customer", price = "history_it.t_d_price", store = "history_it.t_d_store"

    @Test func oneCurrentVersionPerBusinessKey() throws {
        try withDatabase("scd2_current") { db in
            try db.run(sql: "INSERT INTO \(Self.customer) (email, name) VALUES ('a@x', 'A');")
            db.expectRejected("INSERT INTO \(Self.customer) (email, name) VALUES ('a@x', 'A again');",
                              sqlstate: "23505", constraint: "uq_t_d_customer_email_current")
            // History is many non-current versions of the key; without no_overlap they may even overlap.
            try db.run(sql: """
                INSERT INTO \(Self.customer) (email, name, valid_from, valid_to, is_current) VALUES
                    ('a@x', 'v1', '2020-01-01', '2021-01-01', false),
                    ('a@x', 'v2', '2021-01-01', '2022-01-01', false),
                    ('a@x', 'v3', '2020-06-01', '2021-06-01', false);
                INSERT INTO \(Self.customer) (email, name) VALUES ('b@x', 'B');
                -- Closing the current version frees the key for a new one.
                UPDATE \(Self.customer) SET is_current = false, valid_to = valid_from + interval '1 day'
                WHERE email = 'a@x' AND is_current;
                INSERT INTO \(Self.customer) (email, name, valid_from) VALUES ('a@x', 'A2', now() + interval '1 day');
                """)
            #expect(try db.query("SELECT count(*), count(*) FILTER (WHERE is_current) FROM \(Self.customer) WHERE email = 'a@x'")
                == [["5", "1"]])

            // A composite key: both columns together name one entity.
            try db.run(sql: "INSERT INTO \(Self.price) (price_list, product, amount, valid_from) VALUES ('L1', 'P1', 1, '2020-01-01');")
            db.expectRejected(
                "INSERT INTO \(Self.price) (price_list, product, amount, valid_from, valid_to) VALUES ('L1', 'P1', 2, '2010-01-01', '2011-01-01');",
                sqlstate: "23505", constraint: "uq_t_d_price_price_list_product_current", "(a second current version, not overlapping)")
            try db.run(sql: """
                INSERT INTO \(Self.price) (price_list, product, amount, valid_from) VALUES
                    ('L1', 'P2', 3, '2020-01-01'), ('L2', 'P1', 4, '2020-01-01');
                """)
        }
    }

    @Test func validityRangeMustNotBeEmpty() throws {
        try withDatabase("scd2_range") { db in
            for (table, check) in [(Self.customer, "ck_t_d_customer_valid_range"), (Self.price, "ck_t_d_price_valid_range")] {
                let columns = table == Self.customer ? "email, name" : "price_list, product, amount"
                let values = table == Self.customer ? "'a@x', 'A'" : "'L1', 'P1', 1"
                db.expectRejected("INSERT INTO \(table) (\(columns), valid_from, valid_to) VALUES (\(values), '2020-01-01', '2020-01-01');",
                                  sqlstate: "23514", constraint: check, "(valid_from = valid_to)")
                db.expectRejected("INSERT INTO \(table) (\(columns), valid_from, valid_to) VALUES (\(values), '2021-01-01', '2020-01-01');",
                                  sqlstate: "23514", constraint: check, "(valid_from > valid_to)")
                try db.run(sql: "INSERT INTO \(table) (\(columns), valid_from, valid_to) VALUES (\(values), '2020-01-01', '2020-01-01 00:00:00.000001');")
                db.expectRejected("UPDATE \(table) SET valid_to = valid_from - interval '1 second';",
                                  sqlstate: "23514", constraint: check, "(update inverting the range)")
            }
        }
    }

    @Test func noOverlapRejectsOverlappingVersionsOfOneKeyOnly() throws {
        try withDatabase("scd2_overlap") { db in
            func version(_ key: String, _ from: String, _ to: String?, current: Bool) -> String {
                let list = key.split(separator: "/")
                return "INSERT INTO \(Self.price) (price_list, product, amount, valid_from, valid_to, is_current) VALUES "
                    + "('\(list[0])', '\(list[1])', 1, '\(from)', \(to.map { "'\($0)'" } ?? "'infinity'"), \(current));"
            }
            try db.run(sql: version("L1/P1", "2020-01-01", "2021-01-01", current: false))
            for (from, to, current, what) in [
                ("2020-06-01", "2022-01-01", false, "overlapping the end"),
                ("2019-01-01", "2020-01-02", false, "overlapping the start"),
                ("2020-03-01", "2020-04-01", false, "inside"),
                ("2020-12-31", nil, true, "open-ended and current"),
            ] as [(String, String?, Bool, String)] {
                db.expectRejected(version("L1/P1", from, to, current: current),
                                  sqlstate: "23P01", constraint: "ex_t_d_price_no_overlap", "([\(from), \(to ?? "∞")) \(what))")
            }
            // Half-open ranges: [2020, 2021) then [2021, ∞) touch but do not overlap.
            try db.run(sql: version("L1/P1", "2021-01-01", nil, current: true))
            try db.run(sql: version("L1/P1", "2019-01-01", "2020-01-01", current: false))
            // Other keys, even sharing one key column, have their own timelines.
            try db.run(sql: version("L1/P2", "2020-01-01", nil, current: true) + version("L2/P1", "2020-06-01", nil, current: true))
            db.expectRejected(
                "UPDATE \(Self.price) SET valid_to = '2021-06-01' WHERE price_list = 'L1' AND product = 'P1' AND valid_to = '2021-01-01';",
                sqlstate: "23P01", constraint: "ex_t_d_price_no_overlap", "(stretching a version over the next)")
            #expect(try db.query("SELECT count(*) FROM \(Self.price)") == [["5"]])
        }
    }

    @Test func scd1BusinessKeyIsUnique() throws {
        try withDatabase("scd1_key") { db in
            try db.run(sql: "INSERT INTO \(Self.store) (code, city) VALUES ('S1', 'Cork'), ('S2', 'Galway');")
            db.expectRejected("INSERT INTO \(Self.store) (code, city) VALUES ('S1', 'Dublin');",
                              sqlstate: "23505", constraint: "uq_t_d_store_code")
            db.expectRejected("UPDATE \(Self.store) SET code = 'S1' WHERE code = 'S2';",
                              sqlstate: "23505", constraint: "uq_t_d_store_code")
        }
    }

    /// A key column left nullable must not let NULL slip past the key constraints (NULLs are
    /// distinct in a plain unique index and never `=` in an exclusion): schemac should refuse
    /// the schema, or make the key NOT NULL or its unique index NULLS NOT DISTINCT.
    @Test func nullableBusinessKeyStillNamesOneEntity() throws {
        let yaml = """
            schema: null_key_it
            dimensions:
              customer:
                history: { type: scd2, no_overlap: true }
                key: [email]
                columns: { email: varchar(100)? }
              store:
                key: [code]
                columns: { code: varchar(10)? }
            """
        do {
            try refusedOrEnforced(yaml, label: "null_key") { db in
                // Class 23: a unique, exclusion or not-null violation all keep the key meaningful.
                db.expectRejected("INSERT INTO null_key_it.t_d_customer (email) VALUES (NULL), (NULL);", sqlstate: "23", "(two current versions)")
                db.expectRejected("INSERT INTO null_key_it.t_d_store (code) VALUES (NULL), (NULL);", sqlstate: "23", "(scd1 duplicate)")
            }
        }
    }

    /// `no_overlap` needs a gist operator class for every key column; btree_gist has none for
    /// arrays or jsonb, so schemac must refuse such a key rather than emit a failing script.
    @Test func noOverlapOnAKeyGistCannotIndexIsRefused() throws {
        let yaml = """
            schema: gist_key_it
            dimensions:
              document:
                history: { type: scd2, no_overlap: true }
                key: [body]
                columns: { body: jsonb }
              tagged:
                history: { type: scd2, no_overlap: true }
                key: [tags]
                columns: { tags: "text[]" }
            """
        do {
            try refusedOrEnforced(yaml, label: "gist_key") { _ in }
        }
    }

    /// Either schemac refuses `yaml` as invalid input, or its script applies and `body` holds.
    private func refusedOrEnforced(_ yaml: String, label: String, _ body: (TestDatabase) throws -> Void) throws {
        let folder = try SchemaSources.writeSchema(yaml)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Schemac.run(["sql", "--schema", folder])
        guard result.status == 0 else {
            #expect(result.status == 2 && result.err.contains("error:"), "refused without a diagnostic: \(result.err)")
            return
        }
        try TestDatabase.with(label: label) { db in
            try db.run(sql: result.out)
            try body(db)
        }
    }

    /// A fresh database holding the schema's `schemac sql` script.
    private func withDatabase(_ label: String, _ body: (TestDatabase) throws -> Void) throws {
        let folder = try SchemaSources.writeSchema(Self.yaml)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = try SchemaSources.createScript(folder)
        try TestDatabase.with(label: label) { db in
            try db.run(sql: script)
            try body(db)
        }
    }
}
