import SchemacIR
import Testing
@testable import SchemacSQL

@Suite struct SQLLiteralTests {
    @Test(arguments: [
        ("member", "'member'"),
        ("O'Brien", "'O''Brien'"),
        ("''", "''''''"),
        // standard_conforming_strings: a backslash is just a character.
        (#"C:\temp\n"#, #"'C:\temp\n'"#),
        ("", "''"),
        ("naïve ✓", "'naïve ✓'"),
        // Control characters switch to an escape string, keeping the statement on one line.
        ("line\nbreak", #"E'line\nbreak'"#),
        ("tab\there\\ 'q'", #"E'tab\there\\ ''q'''"#),
        ("bell\u{7}", #"E'bell\x07'"#),
    ])
    func string(text: String, expected: String) {
        #expect(SQLLiteral.string(text) == expected)
    }

    @Test(arguments: [
        // Numbers stay bare when they are numbers.
        ("0", ColumnType.integer, "0"),
        ("-1", .smallint, "-1"),
        ("+42", .bigint, "+42"),
        ("1.5", .integer, "'1.5'::integer"),
        ("ten", .bigint, "'ten'::bigint"),
        ("0.5", .numeric(precision: 19, scale: 4), "0.5"),
        ("-.25", .unconstrainedNumeric, "-.25"),
        ("1e-3", .doublePrecision, "1e-3"),
        ("1.", .real, "1."),
        ("NaN", .doublePrecision, "'NaN'::double precision"),
        ("Infinity", .real, "'Infinity'::real"),
        ("1e", .doublePrecision, "'1e'::double precision"),
        // Booleans in every YAML spelling.
        ("true", .boolean, "true"),
        ("YES", .boolean, "true"),
        ("on", .boolean, "true"),
        ("t", .boolean, "true"),
        ("1", .boolean, "true"),
        ("False", .boolean, "false"),
        ("no", .boolean, "false"),
        ("OFF", .boolean, "false"),
        ("f", .boolean, "false"),
        ("0", .boolean, "false"),
        ("maybe", .boolean, "'maybe'::boolean"),
        // Everything else is a quoted literal that takes the column's type.
        ("member", .varchar(20), "'member'"),
        ("it's", .text, "'it''s'"),
        ("x", .char(1), "'x'"),
        ("2024-01-01", .date, "'2024-01-01'"),
        ("infinity", .timestamptz, "'infinity'"),
        ("2024-01-01 00:00", .timestamp, "'2024-01-01 00:00'"),
        ("12:00", .time, "'12:00'"),
        ("1 day", .interval, "'1 day'"),
        ("00000000-0000-0000-0000-000000000000", .uuid, "'00000000-0000-0000-0000-000000000000'"),
        ("{}", .jsonb, "'{}'"),
        ("[1]", .json, "'[1]'"),
        (#"\x00"#, .bytea, #"'\x00'"#),
        ("card", .enumeration("payment_kind"), "'card'"),
        ("{a,b}", .array(.text), "'{a,b}'"),
        ("{1,2}", .array(.integer), "'{1,2}'"),
    ] as [(String, ColumnType, String)])
    func literalDefault(text: String, type: ColumnType, expected: String) {
        #expect(SQLLiteral.defaultValue(.literal(text), type: type, schema: "budget") == expected)
    }

    @Test func sqlDefaultIsVerbatim() {
        #expect(SQLLiteral.defaultValue(.sql("now()"), type: .timestamptz, schema: "budget") == "now()")
        #expect(SQLLiteral.defaultValue(.sql("'a'::text || 'b'"), type: .text, schema: "budget") == "'a'::text || 'b'")
    }

    @Test func castToEnumIsQualified() {
        #expect(SQLType.name(.enumeration("payment_kind"), schema: "budget") == "budget.payment_kind")
        #expect(SQLType.name(.array(.enumeration("order")), schema: "budget") == "budget.\"order\"[]")
        #expect(SQLType.name(.enumeration("kind"), schema: "time") == "\"time\".kind")
    }

    @Test(arguments: [
        (ColumnType.varchar(255), "varchar(255)"),
        (.numeric(precision: 19, scale: 4), "numeric(19,4)"),
        (.unconstrainedNumeric, "numeric"),
        (.doublePrecision, "double precision"),
        (.timestamptz, "timestamptz"),
        (.char(3), "char(3)"),
        (.array(.text), "text[]"),
        (.array(.array(.integer)), "integer[][]"),
    ] as [(ColumnType, String)])
    func typeSpelling(type: ColumnType, expected: String) {
        #expect(SQLType.name(type, schema: "budget") == expected)
    }
}
