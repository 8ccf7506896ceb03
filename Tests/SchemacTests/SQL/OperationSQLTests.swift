import SchemacIR
import SchemacPlanner
import Testing
@testable import SchemacSQL

@Suite struct OperationSQLTests {
    private func sql(_ operation: Operation) -> String { SQLFixtures.statement(operation) }

    @Test func namespaceAndEnums() {
        #expect(sql(.createSchema("budget")) == "CREATE SCHEMA IF NOT EXISTS budget;")
        #expect(sql(.createExtension("btree_gist")) == "CREATE EXTENSION IF NOT EXISTS btree_gist;")
        #expect(sql(.createEnum(EnumType(name: "payment_kind", values: ["card", "cash", "o'bank"])))
            == "CREATE TYPE budget.payment_kind AS ENUM ('card', 'cash', 'o''bank');")
        #expect(sql(.addEnumValue(enumName: "payment_kind", value: "crypto", before: "cash", after: nil))
            == "ALTER TYPE budget.payment_kind ADD VALUE 'crypto' BEFORE 'cash';")
        #expect(sql(.addEnumValue(enumName: "payment_kind", value: "crypto", before: nil, after: "bank"))
            == "ALTER TYPE budget.payment_kind ADD VALUE 'crypto' AFTER 'bank';")
        #expect(sql(.addEnumValue(enumName: "payment_kind", value: "crypto", before: nil, after: nil))
            == "ALTER TYPE budget.payment_kind ADD VALUE 'crypto';")
        #expect(sql(.dropEnum("payment_kind")) == "DROP TYPE budget.payment_kind;")
    }

    @Test func tables() {
        #expect(sql(.dropTable("t_d_user")) == "DROP TABLE budget.t_d_user;")
        #expect(sql(.renameTable(from: "t_d_category", to: "t_d_article")) == "ALTER TABLE budget.t_d_category RENAME TO t_d_article;")
        #expect(sql(.renameTable(from: "orders", to: "order")) == "ALTER TABLE budget.orders RENAME TO \"order\";")
    }

    @Test func columns() {
        let column = Column(name: "role", type: .varchar(20), defaultValue: .literal("member"))
        #expect(sql(.addColumn(table: "t", column)) == "ALTER TABLE budget.t ADD COLUMN role varchar(20) NOT NULL DEFAULT 'member';")
        let identity = Column(name: "id", type: .bigint, identity: .always)
        #expect(sql(.addColumn(table: "t", identity)) == "ALTER TABLE budget.t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;")
        #expect(sql(.dropColumn(table: "t", column: "user")) == "ALTER TABLE budget.t DROP COLUMN \"user\";")
        #expect(sql(.renameColumn(table: "t", from: "name", to: "full_name")) == "ALTER TABLE budget.t RENAME COLUMN name TO full_name;")
        #expect(sql(.setNotNull(table: "t", column: "c")) == "ALTER TABLE budget.t ALTER COLUMN c SET NOT NULL;")
        #expect(sql(.dropNotNull(table: "t", column: "c")) == "ALTER TABLE budget.t ALTER COLUMN c DROP NOT NULL;")
    }

    @Test func defaults() {
        #expect(sql(.setDefault(table: "t", Column(name: "n", type: .integer, defaultValue: .literal("1"))))
            == "ALTER TABLE budget.t ALTER COLUMN n SET DEFAULT 1;")
        #expect(sql(.setDefault(table: "t", Column(name: "at", type: .date, defaultValue: .sql("current_date"))))
            == "ALTER TABLE budget.t ALTER COLUMN at SET DEFAULT current_date;")
        #expect(sql(.setDefault(table: "t", Column(name: "n", type: .integer))) == "ALTER TABLE budget.t ALTER COLUMN n DROP DEFAULT;")
    }

    @Test(arguments: [
        // Widening that PostgreSQL does by itself: no USING.
        (ColumnType.varchar(20), ColumnType.varchar(50), ""),
        (.varchar(20), .varchar(20), ""),
        (.varchar(20), .text, ""),
        (.char(2), .text, ""),
        (.char(2), .varchar(10), ""),
        (.numeric(precision: 10, scale: 2), .numeric(precision: 19, scale: 2), ""),
        (.numeric(precision: 10, scale: 2), .unconstrainedNumeric, ""),
        (.smallint, .integer, ""),
        (.smallint, .bigint, ""),
        (.integer, .bigint, ""),
        // Narrowing between string types: the assignment cast fails on a value that does not
        // fit, where an explicit ::varchar(20) would silently truncate it.
        (.varchar(50), .varchar(20), ""),
        (.text, .char(3), ""),
        // Everything else says how to convert.
        (.numeric(precision: 10, scale: 2), .numeric(precision: 10, scale: 4), " USING c::numeric(10,4)"),
        (.bigint, .integer, " USING c::integer"),
        (.text, .integer, " USING c::integer"),
        (.text, .enumeration("payment_kind"), " USING c::budget.payment_kind"),
        (.enumeration("old_kind"), .enumeration("payment_kind"), " USING c::text::budget.payment_kind"),
        (.array(.enumeration("old_kind")), .array(.enumeration("payment_kind")), " USING c::text[]::budget.payment_kind[]"),
        (.timestamp, .timestamptz, " USING c::timestamptz"),
    ] as [(ColumnType, ColumnType, String)])
    func alterColumnType(from: ColumnType, to: ColumnType, using: String) {
        #expect(sql(.alterColumnType(table: "t", column: "c", from: from, to: to))
            == "ALTER TABLE budget.t ALTER COLUMN c TYPE \(SQLType.name(to, schema: "budget"))\(using);")
    }

    @Test func usingQuotesTheColumn() {
        #expect(sql(.alterColumnType(table: "t", column: "user", from: .text, to: .bigint))
            == "ALTER TABLE budget.t ALTER COLUMN \"user\" TYPE bigint USING \"user\"::bigint;")
    }

    @Test func constraints() {
        let fk = Constraint.foreignKey(ForeignKey(name: "fk_t_user_id", columns: ["user_id"], referencedTable: "t_d_user",
                                                  referencedColumns: ["id"], onDelete: .cascade))
        #expect(sql(.addConstraint(table: "t", fk, notValid: true)) == "ALTER TABLE budget.t ADD CONSTRAINT fk_t_user_id "
            + "FOREIGN KEY (user_id) REFERENCES budget.t_d_user (id) ON DELETE CASCADE NOT VALID;")
        let check = Constraint.check(CheckConstraint(name: "ck_t_score", expression: "score BETWEEN 0 AND 10"))
        #expect(sql(.addConstraint(table: "t", check, notValid: true))
            == "ALTER TABLE budget.t ADD CONSTRAINT ck_t_score CHECK (score BETWEEN 0 AND 10) NOT VALID;")
        #expect(sql(.addConstraint(table: "t", check, notValid: false))
            == "ALTER TABLE budget.t ADD CONSTRAINT ck_t_score CHECK (score BETWEEN 0 AND 10);")
        // PostgreSQL refuses NOT VALID on these; the flag is ignored.
        let unique = Constraint.unique(UniqueConstraint(name: "uq_t_a_b", columns: ["a", "b"]))
        #expect(sql(.addConstraint(table: "t", unique, notValid: true)) == "ALTER TABLE budget.t ADD CONSTRAINT uq_t_a_b UNIQUE (a, b);")
        let pk = Constraint.primaryKey(PrimaryKey(name: "pk_t", columns: ["id"]))
        #expect(sql(.addConstraint(table: "t", pk, notValid: true)) == "ALTER TABLE budget.t ADD CONSTRAINT pk_t PRIMARY KEY (id);")
        #expect(sql(.validateConstraint(table: "t", name: "fk_t_user_id")) == "ALTER TABLE budget.t VALIDATE CONSTRAINT fk_t_user_id;")
        #expect(sql(.dropConstraint(table: "t", name: "ck_t_score")) == "ALTER TABLE budget.t DROP CONSTRAINT ck_t_score;")
        #expect(sql(.renameConstraint(table: "t", from: "pk_a", to: "pk_b")) == "ALTER TABLE budget.t RENAME CONSTRAINT pk_a TO pk_b;")
    }

    @Test func indexes() {
        let plain = Index(name: "ix_t_user_id_entry_date", keys: [.column("user_id"), .column("entry_date", order: .desc)])
        #expect(sql(.createIndex(table: "t", plain, concurrently: false))
            == "CREATE INDEX ix_t_user_id_entry_date ON budget.t (user_id, entry_date DESC);")
        #expect(sql(.createIndex(table: "t", plain, concurrently: true))
            == "CREATE INDEX CONCURRENTLY ix_t_user_id_entry_date ON budget.t (user_id, entry_date DESC);")
        let partial = Index(name: "uq_t_email", unique: true, keys: [.column("email")], predicate: "deleted_at IS NULL")
        #expect(sql(.createIndex(table: "t", partial, concurrently: true))
            == "CREATE UNIQUE INDEX CONCURRENTLY uq_t_email ON budget.t (email) WHERE deleted_at IS NULL;")
        let expression = Index(name: "ix_user_email_lower", keys: [IndexKey(.expression("lower(email)"), nulls: .first)])
        #expect(sql(.createIndex(table: "order", expression, concurrently: false))
            == "CREATE INDEX ix_user_email_lower ON budget.\"order\" ((lower(email)) NULLS FIRST);")
        let gin = Index(name: "ix_t_payload", method: "gin", keys: [.column("payload")])
        #expect(sql(.createIndex(table: "t", gin, concurrently: false)) == "CREATE INDEX ix_t_payload ON budget.t USING gin (payload);")
        let covering = Index(name: "ix_t_user_id", keys: [IndexKey(.column("user"), order: .desc, nulls: .last)], include: ["amount", "order"])
        #expect(sql(.createIndex(table: "t", covering, concurrently: false))
            == "CREATE INDEX ix_t_user_id ON budget.t (\"user\" DESC NULLS LAST) INCLUDE (amount, \"order\");")
        #expect(sql(.dropIndex(name: "ix_t_payload", concurrently: true)) == "DROP INDEX CONCURRENTLY budget.ix_t_payload;")
        #expect(sql(.dropIndex(name: "ix_t_payload", concurrently: false)) == "DROP INDEX budget.ix_t_payload;")
        #expect(sql(.renameIndex(from: "ix_a", to: "ix_b")) == "ALTER INDEX budget.ix_a RENAME TO ix_b;")
    }

    @Test func comments() {
        #expect(sql(.commentOnTable(table: "t_d_user", comment: "Users' table")) == "COMMENT ON TABLE budget.t_d_user IS 'Users'' table';")
        #expect(sql(.commentOnTable(table: "t_d_user", comment: nil)) == "COMMENT ON TABLE budget.t_d_user IS NULL;")
        #expect(sql(.commentOnColumn(table: "order", column: "group", comment: "free\ntext"))
            == "COMMENT ON COLUMN budget.\"order\".\"group\" IS E'free\\ntext';")
        #expect(sql(.commentOnColumn(table: "t", column: "c", comment: nil)) == "COMMENT ON COLUMN budget.t.c IS NULL;")
    }

    @Test func recreateEnum() {
        let type = EnumType(name: "payment_kind", values: ["cash", "card"])
        let usages = [
            EnumUsage(table: "t_f_entry", column: Column(name: "kind", type: .enumeration("payment_kind"), defaultValue: .literal("cash"))),
            EnumUsage(table: "order", column: Column(name: "kinds", type: .array(.enumeration("payment_kind")), nullable: true)),
        ]
        #expect(SQLFixtures.sql(.recreateEnum(type, usages: usages)) == [
            "ALTER TYPE budget.payment_kind RENAME TO payment_kind__schemac_old;",
            "-- the new type takes the name\nCREATE TYPE budget.payment_kind AS ENUM ('cash', 'card');",
            "-- budget.\"order\".kinds: its default is typed with the old enum\nALTER TABLE budget.\"order\" ALTER COLUMN kinds DROP DEFAULT;",
            "-- budget.\"order\".kinds: converted through text\nALTER TABLE budget.\"order\" ALTER COLUMN kinds TYPE budget.payment_kind[] USING kinds::text[]::budget.payment_kind[];",
            "-- budget.t_f_entry.kind: its default is typed with the old enum\nALTER TABLE budget.t_f_entry ALTER COLUMN kind DROP DEFAULT;",
            "-- budget.t_f_entry.kind: converted through text\nALTER TABLE budget.t_f_entry ALTER COLUMN kind TYPE budget.payment_kind USING kind::text::budget.payment_kind;",
            "-- budget.t_f_entry.kind: its default again\nALTER TABLE budget.t_f_entry ALTER COLUMN kind SET DEFAULT 'cash';",
            "-- the old type goes\nDROP TYPE budget.payment_kind__schemac_old;",
        ])
    }

    @Test func identity() {
        #expect(SQLFixtures.sql(.setIdentity(table: "order", column: "id", nil)) == [
            "ALTER TABLE budget.\"order\" ALTER COLUMN id DROP IDENTITY IF EXISTS;",
        ])
        #expect(SQLFixtures.sql(.setIdentity(table: "order", column: "Id", .byDefault)) == [
            "ALTER TABLE budget.\"order\" ALTER COLUMN \"Id\" DROP IDENTITY IF EXISTS;",
            "-- a new identity\nALTER TABLE budget.\"order\" ALTER COLUMN \"Id\" ADD GENERATED BY DEFAULT AS IDENTITY;",
            "-- its sequence continues after the largest existing key\nSELECT setval(pg_get_serial_sequence('budget.\"order\"', 'Id'), coalesce(max(\"Id\"), 0) + 1, false) FROM budget.\"order\";",
        ])
        #expect(sql(.renameSequence(from: "acct_id_seq", to: "account_id_seq")) == "ALTER SEQUENCE budget.acct_id_seq RENAME TO account_id_seq;")
    }

    @Test func constraintOverAnExistingIndex() {
        let pk = Constraint.primaryKey(PrimaryKey(name: "pk_t", columns: ["id"]))
        #expect(sql(.addConstraintUsingIndex(table: "t", pk)) == "ALTER TABLE budget.t ADD CONSTRAINT pk_t PRIMARY KEY USING INDEX pk_t;")
        let unique = Constraint.unique(UniqueConstraint(name: "uq_t_a", columns: ["a"]))
        #expect(sql(.addConstraintUsingIndex(table: "t", unique)) == "ALTER TABLE budget.t ADD CONSTRAINT uq_t_a UNIQUE USING INDEX uq_t_a;")
    }
}
