import Foundation
import Testing
import PostgresHarness

/// Rows inserted before a data-preserving change are intact after its
/// migration: renames, a varchar widening, a NOT NULL column with a default,
/// scd1 → scd2, and a hierarchy added to a dimension that has rows (whose
/// closure table must then equal the transitive closure of parent_id).
@Suite struct DataSurvivalTests {
    static let sales = """
        schema: survive
        dimensions:
          customer:
            history: scd2
            key: [code]
            columns:
              code: varchar(20)
              full_name: varchar(100)
              note: text?
        facts:
          sale:
            dimensions: [customer]
            grain: [customer, sold_on]
            columns: { sold_on: date }
            measures: { amount: "numeric(12,2)" }
        tables:
          tag:
            columns:
              id: { type: bigint, identity: always, primary_key: true }
              label: varchar(30)
        """

    static let salesRenamed = """
        schema: survive
        dimensions:
          client:
            renamed_from: customer
            history: scd2
            key: [code]
            columns:
              code: varchar(20)
              display_name: { type: varchar(100), renamed_from: full_name }
              note: text?
        facts:
          sale:
            dimensions: [client]
            grain: [client, sold_on]
            columns: { sold_on: date }
            measures: { amount: "numeric(12,2)" }
        tables:
          label_tag:
            renamed_from: tag
            columns:
              id: { type: bigint, identity: always, primary_key: true }
              caption: { type: varchar(30), renamed_from: label }
        """

    @Test func renamedTablesAndColumnsKeepTheirRows() throws {
        let history = try DataHistory(label: "survive_rename", schema: "survive", yaml: Self.sales)
        defer { history.close() }
        try history.db.run(sql: """
            INSERT INTO survive.t_d_customer (code, full_name, note)
            SELECT 'C' || i, 'Customer ' || i || ' O''Brien', CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END
            FROM generate_series(1, 500) AS i;
            INSERT INTO survive.t_f_sale (customer_id, sold_on, amount)
            SELECT 1 + i % 500, date '2024-01-01' + i / 500, i * 1.25 FROM generate_series(1, 2000) AS i;
            INSERT INTO survive.tag (label) SELECT 'tag ' || i FROM generate_series(1, 100) AS i;
            """)
        let customers = try history.rows("SELECT id, code, full_name, note, valid_from, valid_to, is_current FROM survive.t_d_customer ORDER BY id")
        let sales = try history.rows("SELECT id, customer_id, sold_on, amount, created_at FROM survive.t_f_sale ORDER BY id")
        let tags = try history.rows("SELECT id, label FROM survive.tag ORDER BY id")

        let up = try history.migrate(to: Self.salesRenamed)
        #expect(!up.contains("DROP TABLE") && !up.contains("DROP COLUMN") && !up.contains("ADD COLUMN"), "a rename must not drop or add:\n\(up)")

        #expect(try history.rows("SELECT id, code, display_name, note, valid_from, valid_to, is_current FROM survive.t_d_client ORDER BY id") == customers)
        #expect(try history.rows("SELECT id, client_id, sold_on, amount, created_at FROM survive.t_f_sale ORDER BY id") == sales)
        #expect(try history.rows("SELECT id, caption FROM survive.label_tag ORDER BY id") == tags)
        // The identity sequences came along: new rows continue after the old ones.
        #expect(try history.value("INSERT INTO survive.t_d_client (code, display_name) VALUES ('new', 'New') RETURNING id") == "501")
        #expect(try history.value("INSERT INTO survive.label_tag (caption) VALUES ('new') RETURNING id") == "101")
        // The renamed foreign key still guards the fact.
        #expect(throws: HarnessError.self) {
            try history.db.run(sql: "INSERT INTO survive.t_f_sale (client_id, sold_on, amount) VALUES (99999, '2024-01-01', 1);")
        }
        #expect(try history.catalogDiff() == [])

        try history.migrateDown()
        #expect(try history.rows("SELECT id, code, full_name, note, valid_from, valid_to, is_current FROM survive.t_d_customer WHERE id <= 500 ORDER BY id") == customers)
        #expect(try history.rows("SELECT id, label FROM survive.tag WHERE id <= 100 ORDER BY id") == tags)
    }

    @Test func widenedVarcharKeepsValuesWithoutRewrite() throws {
        let before = """
            schema: survive
            tables:
              city:
                columns:
                  id: { type: integer, identity: by default, primary_key: true }
                  name: varchar(10)
                  code: { type: varchar(12), unique: true }
            """
        let history = try DataHistory(label: "survive_widen", schema: "survive", yaml: before)
        defer { history.close() }
        try history.db.run(sql: """
            INSERT INTO survive.city (name, code) VALUES ('Zürich', 'ZRH'), ('O''Hare', 'ORD'), ('ten chars!', 'twelve-chars'), ('', '');
            INSERT INTO survive.city (name, code) SELECT 'c' || i, 'k' || i FROM generate_series(1, 1000) AS i;
            """)
        let rows = try history.rows("SELECT id, name, code FROM survive.city ORDER BY id")
        let file = try history.value("SELECT relfilenode FROM pg_class WHERE oid = 'survive.city'::regclass")

        try history.migrate(to: before.replacingOccurrences(of: "varchar(10)", with: "varchar(40)")
            .replacingOccurrences(of: "varchar(12)", with: "text"))
        #expect(try history.rows("SELECT id, name, code FROM survive.city ORDER BY id") == rows)
        #expect(try history.value("SELECT relfilenode FROM pg_class WHERE oid = 'survive.city'::regclass") == file,
                "varchar widening and varchar → text must not rewrite the table")
        try history.db.run(sql: "INSERT INTO survive.city (name, code) VALUES (repeat('x', 40), repeat('y', 200));")
        #expect(throws: HarnessError.self) { try history.db.run(sql: "INSERT INTO survive.city (name, code) VALUES ('dup', 'ZRH');") }
        #expect(try history.catalogDiff() == [])
    }

    @Test func notNullColumnWithDefaultFillsExistingRows() throws {
        let before = """
            schema: survive
            enums:
              stage: [lead, customer, lost]
            dimensions:
              account:
                key: [code]
                columns:
                  code: varchar(20)
                  name: text
            """
        let history = try DataHistory(label: "survive_default", schema: "survive", yaml: before)
        defer { history.close() }
        try history.db.run(sql: "INSERT INTO survive.t_d_account (code, name) SELECT 'A' || i, 'Account ' || i FROM generate_series(1, 1000) AS i;")
        let rows = try history.rows("SELECT id, code, name, created_at, updated_at FROM survive.t_d_account ORDER BY id")

        let up = try history.migrate(to: before + """

                  status: { type: varchar(10), default: "it's new" }
                  score: { type: integer, default: 7 }
                  stage: { type: stage, default: lead }
                  active: { type: boolean, default: true }
            """)
        #expect(up.contains("ADD COLUMN status"), "\(up)")
        #expect(try history.rows("SELECT id, code, name, created_at, updated_at FROM survive.t_d_account ORDER BY id") == rows)
        #expect(try history.rows("SELECT DISTINCT status, score, stage, active FROM survive.t_d_account") == [["it's new", "7", "lead", "t"]])
        #expect(try history.value("SELECT count(*) FROM survive.t_d_account WHERE status IS NULL OR score IS NULL OR stage IS NULL") == "0")
        #expect(try history.catalogDiff() == [])
    }

    @Test func scd1ToScd2KeepsRowsAsCurrentVersions() throws {
        let scd1 = """
            schema: survive
            dimensions:
              product:
                key: [sku]
                columns:
                  sku: varchar(20)
                  title: varchar(100)
                  price: "numeric(10,2)?"
            """
        let history = try DataHistory(label: "survive_scd", schema: "survive", yaml: scd1)
        defer { history.close() }
        try history.db.run(sql: "INSERT INTO survive.t_d_product (sku, title, price) SELECT 'P' || i, 'Product ' || i, i / 4.0 FROM generate_series(1, 800) AS i;")
        let rows = try history.rows("SELECT id, sku, title, price, created_at, updated_at FROM survive.t_d_product ORDER BY id")

        try history.migrate(to: scd1.replacingOccurrences(of: "    key: [sku]", with: "    history: scd2\n    key: [sku]"))
        #expect(try history.rows("SELECT id, sku, title, price, created_at, updated_at FROM survive.t_d_product ORDER BY id") == rows)
        // Every existing row became the current version of its key.
        #expect(try history.rows("SELECT count(*), bool_and(is_current), bool_and(valid_to = 'infinity'), bool_and(valid_from <= now()) FROM survive.t_d_product")
            == [["800", "t", "t", "t"]])
        // At most one current version per key; closed versions may repeat the key.
        #expect(throws: HarnessError.self) { try history.db.run(sql: "INSERT INTO survive.t_d_product (sku, title) VALUES ('P1', 'again');") }
        try history.db.run(sql: "INSERT INTO survive.t_d_product (sku, title, valid_from, valid_to, is_current) VALUES ('P1', 'old', '2000-01-01', '2001-01-01', false);")
        #expect(try history.catalogDiff() == [])
    }

    /// A tree in an existing `parent_id` column, then `hierarchy: closure`
    /// adopts it: the closure table is backfilled with every ancestor link.
    @Test func hierarchyAdditionBackfillsTheClosureTable() throws {
        let flat = """
            schema: survive
            dimensions:
              org_unit:
                key: [code]
                columns:
                  code: varchar(20)
                  name: varchar(100)
                  parent_id: bigint?
              region:
                key: [code]
                columns:
                  code: varchar(20)
            """
        let history = try DataHistory(label: "survive_tree", schema: "survive", yaml: flat)
        defer { history.close() }
        // 300 nodes, 5 roots; every other node's parent comes earlier, so the links form a forest.
        try history.db.run(sql: """
            INSERT INTO survive.t_d_org_unit (id, code, name, parent_id) OVERRIDING SYSTEM VALUE
            SELECT i, 'U' || i, 'Unit ' || i, CASE WHEN i <= 5 THEN NULL ELSE 1 + (i * 7919) % (i - 1) END
            FROM generate_series(1, 300) AS i ORDER BY i;
            SELECT setval(pg_get_serial_sequence('survive.t_d_org_unit', 'id'), 300);
            INSERT INTO survive.t_d_region (code) SELECT 'R' || i FROM generate_series(1, 50) AS i;
            """)
        let units = try history.rows("SELECT id, code, name, parent_id FROM survive.t_d_org_unit ORDER BY id")
        let regions = try history.rows("SELECT id, code FROM survive.t_d_region ORDER BY id")

        let up = try history.migrate(to: flat
            .replacingOccurrences(of: "  org_unit:\n    key: [code]", with: "  org_unit:\n    key: [code]\n    hierarchy: closure")
            .replacingOccurrences(of: "  region:\n    key: [code]", with: "  region:\n    key: [code]\n    hierarchy: closure"))
        #expect(up.contains("WITH RECURSIVE"), "the migration must backfill the closure tables:\n\(up)")
        #expect(try history.rows("SELECT id, code, name, parent_id FROM survive.t_d_org_unit ORDER BY id") == units)
        #expect(try history.rows("SELECT id, code FROM survive.t_d_region ORDER BY id") == regions)

        // The adopted tree: the closure is every ancestor link, self rows included.
        try expectClosureMatchesParents(history, "t_d_org_unit")
        #expect(try history.value("SELECT count(*) FROM survive.t_d_org_unit_hierarchy") != "300", "only self rows: the tree was not backfilled")
        // A new parent column: every existing row is a root with only its self row.
        try expectClosureMatchesParents(history, "t_d_region")
        #expect(try history.rows("SELECT count(*), bool_and(ancestor_id = descendant_id AND depth = 0) FROM survive.t_d_region_hierarchy") == [["50", "t"]])

        // The triggers keep it so afterwards: a new leaf, and a subtree moved.
        try history.db.run(sql: """
            INSERT INTO survive.t_d_org_unit (code, name, parent_id) VALUES ('U301', 'New', 42);
            UPDATE survive.t_d_org_unit SET parent_id = 3 WHERE id = 17;
            UPDATE survive.t_d_region SET parent_id = 1 WHERE id BETWEEN 2 AND 10;
            """)
        try expectClosureMatchesParents(history, "t_d_org_unit")
        try expectClosureMatchesParents(history, "t_d_region")
        #expect(try history.catalogDiff() == [])
    }

    /// The closure table equals a recursive walk up `parent_id`.
    private func expectClosureMatchesParents(_ history: DataHistory, _ table: String) throws {
        let expected = try history.rows("""
            WITH RECURSIVE up (ancestor_id, descendant_id, depth) AS (
                SELECT id, id, 0 FROM survive.\(table)
                UNION ALL
                SELECT t.parent_id, up.descendant_id, up.depth + 1
                FROM up JOIN survive.\(table) AS t ON t.id = up.ancestor_id
                WHERE t.parent_id IS NOT NULL
            )
            SELECT ancestor_id, descendant_id, depth FROM up ORDER BY 1, 2, 3
            """)
        let closure = try history.rows("SELECT ancestor_id, descendant_id, depth FROM survive.\(table)_hierarchy ORDER BY 1, 2, 3")
        #expect(closure == expected, "\(table)_hierarchy (\(closure.count) rows) ≠ the transitive closure of parent_id (\(expected.count) rows)")
    }
}
