import Foundation
import Testing
import PostgresHarness

/// Proves the harness itself: a real server, psql round trips, and catalog snapshots
/// that see every difference but no difference in how a schema was built.
@Suite struct HarnessTests {
    static let shop = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
        CREATE TABLE items (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            price numeric(10,2) DEFAULT 0 CONSTRAINT items_price_check CHECK (price >= 0),
            feeling mood,
            updated_at timestamptz
        );
        CREATE INDEX items_name_idx ON items (lower(name));
        CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
        COMMENT ON TABLE items IS 'things for sale';
        """

    /// The same schema as `shop`, reached another way: other statement order, ALTERs,
    /// a column dropped in between, an enum label inserted later.
    static let shopTheLongWay = """
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
        CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY, scratch int, name text);
        ALTER TABLE items DROP COLUMN scratch;
        ALTER TABLE items ALTER COLUMN name SET NOT NULL;
        CREATE TYPE mood AS ENUM ('sad', 'happy');
        ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
        ALTER TABLE items ADD COLUMN price numeric(10,2) DEFAULT 0,
            ADD COLUMN feeling mood, ADD COLUMN updated_at timestamptz;
        COMMENT ON TABLE items IS 'things for sale';
        CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE INDEX items_name_idx ON items (lower(name));
        ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price >= 0);
        ALTER TABLE items ADD PRIMARY KEY (id);
        """

    @Test func snapshotDescribesTheSchema() throws {
        try TestDatabase.with(label: "describe") { db in
            try db.run(sql: Self.shop)
            let snapshot = try CatalogSnapshot.read(from: db)

            #expect(snapshot.enumType("mood")?.labels == ["sad", "ok", "happy"])
            #expect(snapshot.function("touch()")?.definition.contains("NEW.updated_at := now()") == true)
            let items = try #require(snapshot.table("items"))
            #expect(items.comment == "things for sale")
            #expect(items.columns.map(\.name) == ["id", "name", "price", "feeling", "updated_at"])
            #expect(items.columns.map(\.type) == [
                "bigint", "text", "numeric(10,2)", "public.mood", "timestamp with time zone",
            ])
            #expect(items.column("id")?.identity == "ALWAYS")
            #expect(items.column("name")?.notNull == true)
            #expect(items.column("price")?.defaultExpression == "0")
            #expect(items.constraint("items_price_check")?.definition == "CHECK ((price >= (0)::numeric))")
            #expect(items.constraint("items_pkey")?.type == "p")
            #expect(items.index("items_name_idx")?.definition
                == "CREATE INDEX items_name_idx ON public.items USING btree (lower(name))")
            #expect(items.trigger("items_touch")?.definition
                == "CREATE TRIGGER items_touch BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch()")
            #expect(items.indexes.map(\.name) == ["items_name_idx", "items_pkey"])
        }
    }

    @Test func buildOrderDoesNotMatter() throws {
        let direct = try snapshot(of: Self.shop)
        let longWay = try snapshot(of: Self.shopTheLongWay)
        #expect(direct == longWay, "\(direct.diff(against: longWay).joined(separator: "\n"))")
        #expect(direct.diff(against: longWay).isEmpty)
    }

    @Test func diffNamesWhatChanged() throws {
        let before = try snapshot(of: Self.shop)
        let after = try snapshot(of: Self.shop + """

            ALTER TABLE items ALTER COLUMN updated_at SET DEFAULT now();
            ALTER TYPE mood ADD VALUE 'great';
            """)
        #expect(before != after)
        #expect(before.diff(against: after) == [
            "- column public.items.updated_at #5: timestamp with time zone",
            "+ column public.items.updated_at #5: timestamp with time zone DEFAULT now()",
            "- enum public.mood: 'sad', 'ok', 'happy'",
            "+ enum public.mood: 'sad', 'ok', 'happy', 'great'",
        ])
    }

    @Test func queryKeepsNullsEmptiesAndNewlinesApart() throws {
        try TestDatabase.with(label: "query") { db in
            let rows = try db.query("SELECT NULL, '', E'two\\nlines' UNION ALL SELECT 'a', 'b', 'c' ORDER BY 3 DESC")
            #expect(rows == [[PSQL.null, "", "two\nlines"], ["a", "b", "c"]])
            #expect(try db.query("SELECT 1 WHERE false") == [])
        }
    }

    @Test func failingSQLThrowsWithPsqlsMessage() throws {
        try TestDatabase.with(label: "failing") { db in
            let error = #expect(throws: HarnessError.self) {
                try db.run(sql: "CREATE TABLE t (id int);\nSELECT * FROM missing;\nCREATE TABLE never (id int);")
            }
            #expect(error?.description.contains("relation \"missing\" does not exist") == true)
            // ON_ERROR_STOP: nothing after the failing statement ran.
            let created = try db.query("SELECT relname FROM pg_class WHERE relname IN ('t', 'never')")
            #expect(created == [["t"]])
        }
    }

    @Test func runFileAndMissingSchema() throws {
        try TestDatabase.with(label: "file") { db in
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("harness-\(UUID()).sql")
            try "CREATE SCHEMA app; CREATE TABLE app.t (id int);".write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            try db.runFile(path: url.path)
            #expect(try CatalogSnapshot.read(from: db, schema: "app").tables.map(\.name) == ["t"])
            #expect(throws: HarnessError.self) { try CatalogSnapshot.read(from: db, schema: "nope") }
        }
    }

    @Test func droppedDatabaseIsGone() throws {
        let db = try TestDatabase(label: "drop")
        try db.drop()
        let left = try db.server.psql().query("SELECT 1 FROM pg_database WHERE datname = '\(db.name)'")
        #expect(left.isEmpty)
    }

    private func snapshot(of sql: String) throws -> CatalogSnapshot {
        try TestDatabase.with(label: "snapshot") { db in
            try db.run(sql: sql)
            return try CatalogSnapshot.read(from: db)
        }
    }
}
