import Foundation
import SchemacCLI
@testable import SchemacDSL
import SchemacIR
import Testing

/// The front end's diagnostics (file, line, column, code, message) for each
/// kind of bad input, and what it must leave unchanged for good input.
///
/// Expected positions are never counted by hand: `at("token")` finds where the
/// offending token is written in the YAML text of the test (1-based line and
/// column, columns counted in characters, as libyaml counts them).
@Suite struct DiagnosticsTests {
    // MARK: - Bad input, one kind per test

    @Test func yamlSyntaxErrorIsReportedAtItsPosition() {
        let yaml = """
            schema: shop
            tables:
              customer:
                columns:
                  email: varchar(255)
                 name: text
            """
        expect(yaml, [
            Expected(at("name: text", in: yaml), "yaml", "did not find expected key (while parsing a block mapping at line 4, column 5)"),
        ])
    }

    @Test func yamlSyntaxErrorInOneFileDoesNotHideErrorsInAnother() {
        let broken = """
            tables:
              customer: { columns: { email: text }
            """
        let other = """
            tables:
              invoice:
                colums: {}
            """
        let diagnostics = problems([("a.yaml", broken), ("b.yaml", other)])
        #expect(diagnostics.map(\.location?.file) == ["a.yaml", "b.yaml"])
        #expect(diagnostics.map(\.code) == ["yaml", "unknown-key"])
        #expect(diagnostics.last?.location == at("colums", in: other, file: "b.yaml"))
    }

    @Test func duplicateYAMLKeys() {
        let yaml = """
            tables:
              customer:
                columns:
                  email: varchar(255)
                  name: text
                  email: text
              invoice:
                columns:
                  number: { type: varchar(20), primary_key: true, type: text }
            """
        let firstEmail = at("email", in: yaml)
        let firstType = at("type", in: yaml)
        expect(yaml, [
            Expected(at("email", in: yaml, occurrence: 2), "yaml",
                     "duplicate key 'email' (first defined at line \(firstEmail.line), column \(firstEmail.column))"),
            Expected(at("type", in: yaml, occurrence: 2), "yaml",
                     "duplicate key 'type' (first defined at line \(firstType.line), column \(firstType.column))"),
        ])
    }

    @Test func unknownKeysEverywhereWithSuggestions() {
        let yaml = """
            dimension:
              region: { columns: { name: text } }
            tables:
              customer:
                colums:
                  email: varchar(255)
              invoice:
                columns:
                  number: { type: varchar(20), primay_key: true }
                  total: { type: "numeric(12,2)", nulable: false }
                indexes:
                  - { columns: [total], uniqe: true }
                xyzzy: 1
            """
        expect(yaml, [
            Expected(at("dimension", in: yaml), "unknown-key", "unknown key 'dimension' in the schema file; did you mean 'dimensions'?"),
            Expected(at("colums", in: yaml), "unknown-key", "unknown key 'colums' in table 'customer'; did you mean 'columns'?"),
            Expected(at("primay_key", in: yaml), "unknown-key", "unknown key 'primay_key' in column 'number'; did you mean 'primary_key'?"),
            Expected(at("nulable", in: yaml), "unknown-key", "unknown key 'nulable' in column 'total'; did you mean 'nullable'?"),
            Expected(at("uniqe", in: yaml), "unknown-key", "unknown key 'uniqe' in an index; did you mean 'unique'?"),
            Expected(at("xyzzy", in: yaml), "unknown-key", "unknown key 'xyzzy' in table 'invoice'"),
        ])
    }

    @Test func unknownTypesWithSuggestions() {
        let yaml = """
            enums:
              payment_kind: [card, cash, bank]
            tables:
              payment:
                columns:
                  reference: varchr(20)
                  amount_cents: integr
                  kind: paymnt_kind
                  paid_at: timestamp with timezone
                  note: { type: txt? }
            """
        expect(yaml, [
            Expected(at("varchr(20)", in: yaml), "unknown-type", "unknown type 'varchr(20)'; did you mean 'varchar(n)'?"),
            Expected(at("integr", in: yaml), "unknown-type", "unknown type 'integr'; did you mean 'integer'?"),
            Expected(at("paymnt_kind", in: yaml), "unknown-type", "unknown type 'paymnt_kind'; did you mean 'payment_kind'?"),
            Expected(at("timestamp with timezone", in: yaml), "unknown-type",
                     "unknown type 'timestamp with timezone'; did you mean 'timestamp with time zone'?"),
            Expected(at("txt?", in: yaml), "unknown-type", "unknown type 'txt'; did you mean 'text'?"),
        ])
    }

    @Test func typeParametersOutOfRange() {
        let yaml = """
            tables:
              product:
                columns:
                  code: varchar(-1)
                  name: varchar(0)
                  price: numeric(1001,0)
                  rate: numeric(5,6)
                  stock: integer(4)
            """
        let diagnostics = problems(yaml)
        #expect(diagnostics.map(\.location) == ["varchar(-1)", "varchar(0)", "numeric(1001,0)", "numeric(5,6)", "integer(4)"].map { at($0, in: yaml) })
        #expect(diagnostics.allSatisfy { $0.code == "invalid-type" })
        let messages = diagnostics.map(\.message)
        #expect(messages[0].hasPrefix("invalid type 'varchar(-1)': length must be between 1 and 10485760"))
        #expect(messages[1].hasPrefix("invalid type 'varchar(0)': length must be between 1 and 10485760"))
        #expect(messages[2].hasPrefix("invalid type 'numeric(1001,0)': precision must be between 1 and 1000"))
        #expect(messages[3].hasPrefix("invalid type 'numeric(5,6)': scale must be between 0 and the precision (5)"))
        #expect(messages[4].hasPrefix("invalid type 'integer(4)': 'integer' takes no parameters"))
    }

    @Test func duplicateNamesAcrossFiles() {
        let a = """
            enums:
              order_status: [open, paid]
            dimensions:
              customer:
                key: [email]
                columns: { email: varchar(255) }
            """
        let b = """
            enums:
              order_status: [open, closed]
            tables:
              customer:
                columns:
                  id: { type: bigint, primary_key: true }
            """
        let diagnostics = problems([("b.yaml", b), ("a.yaml", a)])
        #expect(diagnostics.count == 2)
        #expect(diagnostics.map(\.location) == [at("order_status", in: b, file: "b.yaml"), at("customer", in: b, file: "b.yaml")])
        #expect(diagnostics.allSatisfy { $0.code == "duplicate-name" })
        #expect(diagnostics.last?.message == "table 'customer' is already defined as a dimension at \(at("customer", in: a, file: "a.yaml"))")
        #expect(diagnostics.first?.message.hasPrefix("enum 'order_status' is already defined as a") == true)
        #expect(diagnostics.first?.message.hasSuffix("enum at \(at("order_status", in: a, file: "a.yaml"))") == true)
    }

    @Test func scd2WithoutKey() {
        let yaml = """
            dimensions:
              employee:
                history: scd2
                columns: { badge: varchar(20) }
            """
        expect(yaml, [
            Expected(at("employee", in: yaml), "missing-key", "dimension 'employee' has history scd2 but no business key ('key')"),
        ])
    }

    @Test func grainNamesAMissingColumn() {
        let yaml = """
            dimensions:
              store: { key: [code], columns: { code: varchar(10) } }
            facts:
              sale:
                dimensions: [store]
                grain: [store, reciept_no, register]
                columns: { receipt_no: integer }
            """
        expect(yaml, [
            Expected(at("reciept_no", in: yaml), "unknown-column",
                     "grain names 'reciept_no', which is neither a dimension, a role nor a column of 'sale'; did you mean 'receipt_no'?"),
            Expected(at("register", in: yaml), "unknown-column",
                     "grain names 'register', which is neither a dimension, a role nor a column of 'sale'"),
        ])
    }

    @Test func indexNamesAMissingColumn() {
        let yaml = """
            tables:
              contact:
                columns:
                  id: { type: bigint, primary_key: true }
                  email: varchar(255)
                  last_seen_at: timestamptz?
                indexes:
                  - columns: ["last_seen DESC"]
                  - { columns: [email], include: [last_seen] }
                  - columns: ["email SIDEWAYS"]
            """
        expect(yaml, [
            Expected(at("\"last_seen DESC\"", in: yaml), "unknown-column", "index names unknown column 'last_seen' of 'contact'; did you mean 'last_seen_at'?"),
            Expected(at("last_seen]", in: yaml), "unknown-column", "index include names unknown column 'last_seen' of 'contact'; did you mean 'last_seen_at'?"),
            Expected(at("\"email SIDEWAYS\"", in: yaml), "invalid-index",
                     "invalid index column 'email SIDEWAYS': expected 'column [ASC|DESC] [NULLS FIRST|LAST]'"),
        ])
    }

    @Test func referencesToNothing() {
        let yaml = """
            dimensions:
              customer: { key: [email], columns: { email: varchar(255) } }
              product: { key: [sku], columns: { sku: varchar(40) } }
            tables:
              invoice:
                columns:
                  number: { type: varchar(20), primary_key: true }
                  customer_id: { references: custmer }
                  warehouse_id: { references: warehouse }
            facts:
              sale:
                dimensions: [customer, prodcut]
            """
        expect(yaml, [
            Expected(at("custmer", in: yaml), "unknown-reference", "'custmer' is not a dimension, fact or table; did you mean 'customer'?"),
            Expected(at("warehouse }", in: yaml), "unknown-reference", "'warehouse' is not a dimension, fact or table"),
            Expected(at("prodcut", in: yaml), "unknown-reference", "'prodcut' is not a dimension, fact or table; did you mean 'product'?"),
        ])
    }

    @Test func invalidIdentifiers() {
        let long = String(repeating: "x", count: 64)
        let yaml = """
            dimensions:
              a_dimension_name_that_fits_alone_but_not_behind_the_prefix_tdx:
                columns: { code: text }
            tables:
              OrderLine:
                columns: { quantity: integer }
              order_line:
                columns:
                  unit-price: numeric
                  \(long): text
            """
        expect(yaml, [
            Expected(at("a_dimension_name", in: yaml), "identifier-too-long",
                     "table name 't_d_a_dimension_name_that_fits_alone_but_not_behind_the_prefix_tdx' is longer than PostgreSQL's 63 bytes"),
            Expected(at("OrderLine", in: yaml), "invalid-identifier", "invalid name 'OrderLine': names are lower snake_case ([a-z_][a-z0-9_]*)"),
            Expected(at("unit-price", in: yaml), "invalid-identifier", "invalid column name 'unit-price': names are lower snake_case ([a-z_][a-z0-9_]*)"),
            Expected(at(long, in: yaml), "identifier-too-long", "column name '\(long)' is longer than PostgreSQL's 63 bytes"),
        ])
    }

    @Test func hierarchyOnlyOnDimensions() {
        let yaml = """
            dimensions:
              store: { columns: { code: text } }
            facts:
              sale:
                dimensions: [store]
                hierarchy: closure
            tables:
              department:
                hierarchy: { parent: parent_id }
                columns: { id: { type: bigint, primary_key: true } }
            """
        expect(yaml, [
            Expected(at("hierarchy", in: yaml), "unknown-key", "a hierarchy is only allowed on a dimension, not on a fact"),
            Expected(at("hierarchy", in: yaml, occurrence: 2), "unknown-key", "a hierarchy is only allowed on a dimension, not on a table"),
        ])
    }

    @Test func defaultValuesMustFitTheType() {
        let yaml = """
            enums:
              invoice_state: [draft, pending, paid]
            tables:
              invoice:
                columns:
                  number: { type: varchar(20), primary_key: true }
                  line_count: { type: integer, default: many }
                  discount: { type: smallint, default: 2.5 }
                  total: { type: "numeric(12,2)", default: "12,50" }
                  is_paid: { type: boolean, default: maybe }
                  state: { type: invoice_state, default: pendng }
                  note: { type: text, default: [a, b] }
            """
        expect(yaml, [
            Expected(at("many", in: yaml), "invalid-default", "default 'many' of column 'line_count' is not an integer"),
            Expected(at("2.5", in: yaml), "invalid-default", "default '2.5' of column 'discount' is not an integer"),
            Expected(at("\"12,50\"", in: yaml), "invalid-default", "default '12,50' of column 'total' is not a number"),
            Expected(at("maybe", in: yaml), "invalid-default", "default 'maybe' of column 'is_paid' is not true or false"),
            Expected(at("pendng", in: yaml), "invalid-default", "default 'pendng' of column 'state' is not a value of enum 'invoice_state'; did you mean 'pending'?"),
            Expected(at("[a, b]", in: yaml), "invalid-default", "a default is a scalar or {sql: \"…\"}; for no default leave it out"),
        ])
    }

    @Test func columnsSchemacAddsAreReserved() {
        let yaml = """
            dimensions:
              employee:
                history: scd2
                key: [badge]
                columns:
                  id: uuid
                  badge: varchar(20)
                  valid_from: date
            facts:
              timesheet:
                dimensions: [employee]
                columns: { created_at: timestamptz }
            """
        expect(yaml, [
            Expected(at("id: uuid", in: yaml), "reserved-column", "column 'id' is added by schemac to every scd2 dimension; remove it"),
            Expected(at("valid_from", in: yaml), "reserved-column", "column 'valid_from' is added by schemac to every scd2 dimension; remove it"),
            Expected(at("created_at", in: yaml), "reserved-column", "column 'created_at' is added by schemac to every fact; remove it"),
        ])
    }

    @Test func schemaAndNamingInOneFileOnly() {
        let a = """
            schema: shop
            naming: { dimension: "dim_{name}" }
            """
        let b = """
            schema: sales
            naming: { fact: "fact_{name}" }
            """
        let diagnostics = problems([("a.yaml", a), ("b.yaml", b)])
        #expect(diagnostics.map(\.code) == ["duplicate-key", "duplicate-key"])
        #expect(diagnostics.map(\.location?.file) == ["b.yaml", "b.yaml"])
        #expect(diagnostics.map(\.location?.line) == [1, 2])
        #expect(diagnostics[0].message.hasPrefix("'schema' is already given at a.yaml:1:"))
        #expect(diagnostics[1].message.hasPrefix("'naming' is already given at a.yaml:2:"))
        #expect(diagnostics.allSatisfy { $0.message.hasSuffix("; give it in one file only") })
    }

    // MARK: - Every problem, in order, and never a success

    static let manyProblems = """
        enums:
          order_status: [open, paid, shipped]
        dimensions:
          customer:
            history: scd2
            columns:
              email: varchar(255)
              tier: { type: smallint, default: gold }
        tables:
          Invoice:
            columns: { number: text }
          order:
            colums: {}
            columns:
              id: { type: bigint, primary_key: true }
              status: { type: order_status, default: refunded }
              customer_id: { references: custmer }
              total: numerc(12,2)
        """

    @Test func everyProblemIsReportedInFileLineColumnOrder() {
        let yaml = Self.manyProblems
        let diagnostics = problems(yaml)
        // Reader problems (unknown key, bad identifier) and translator problems
        // (missing key, bad default, unknown reference, unknown type) are merged.
        #expect(diagnostics.map(\.location) == [
            at("customer", in: yaml), at("gold", in: yaml), at("Invoice", in: yaml), at("colums", in: yaml),
            at("refunded", in: yaml), at("custmer", in: yaml), at("numerc(12,2)", in: yaml),
        ])
        #expect(diagnostics.map(\.code) == [
            "missing-key", "invalid-default", "invalid-identifier", "unknown-key", "invalid-default", "unknown-reference", "unknown-type",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func diagnosticsAreSortedAcrossFiles() {
        // The translator finds b.yaml's problem first (a dimension is translated
        // before a table); the report still lists a.yaml first.
        let a = """
            tables:
              invoice:
                columns:
                  id: { type: bigint, primary_key: true }
                  customer_id: { references: custmer }
            """
        let b = """
            dimensions:
              store: { history: scd2, columns: { code: text } }
            """
        let diagnostics = problems([("b.yaml", b), ("a.yaml", a)])
        #expect(diagnostics.map(\.location) == [at("custmer", in: a, file: "a.yaml"), at("store", in: b, file: "b.yaml")])
    }

    @Test func noSchemaOnAnyError() {
        guard case .failure = compile(Self.manyProblems) else {
            Issue.record("a schema with errors compiled")
            return
        }
    }

    @Test func diagnosticsPrintAsFileLineColumnErrorMessage() {
        let yaml = """
            tables:
              customer:
                colums: {}
            """
        #expect(problems(yaml).map(\.description) == ["s.yaml:3:5: error: unknown key 'colums' in table 'customer'; did you mean 'columns'?"])
    }

    @Test func columnsCountCharactersNotBytes() {
        let yaml = """
            tables:
              t: { comment: "Café – naïve", colums: {} }
            """
        let location = at("colums", in: yaml)
        #expect(location.column == 33)
        #expect(problems(yaml).map(\.location) == [location])
    }

    @Test func cliExitsWithTwoAndPrintsEveryProblem() {
        let folder = Golden.fixtures + "/compile/bad_many_errors/schema"
        let result = Schemac.run(["sql", "--schema", folder])
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n").map(String.init)
        let diagnostics = lines.filter { $0.range(of: #"^.+/main\.yaml:[0-9]+:[0-9]+: error: .+$"#, options: .regularExpression) != nil }
        #expect(diagnostics.count == 8)
        // Besides the diagnostics, at most a one-line summary.
        #expect(lines.count - diagnostics.count <= 1)
        #expect(result.out.isEmpty)
    }

    // MARK: - Good input: the IR, and what must not change it

    @Test func aliasesAreNormalised() throws {
        let schema = try compiled("""
            enums:
              mood: [calm, busy]
            tables:
              t:
                columns:
                  a: { type: int, primary_key: true }
                  b: int4
                  c: int8
                  d: bool
                  e: decimal(12,2)
                  f: float8
                  g: string(40)
                  h: text[]
                  i: int8[]
                  j: mood[]
                  k: INTEGER
                  l: double   precision
            """)
        let table = try #require(schema.table(named: "t"))
        let types = table.columns.map(\.type)
        #expect(types == [
            .integer, .integer, .bigint, .boolean, .numeric(precision: 12, scale: 2), .doublePrecision, .varchar(40),
            .array(.text), .array(.bigint), .array(.enumeration("mood")), .integer, .doublePrecision,
        ])
    }

    @Test func aliasOrCanonicalSpellingGivesTheSameSnapshot() throws {
        let aliases = """
            tables:
              t:
                columns:
                  a: { type: int8, primary_key: true }
                  b: int
                  c: bool?
                  d: decimal(10,2)
                  e: float8
                  f: string(40)
            """
        let canonical = """
            tables:
              t:
                columns:
                  a: { type: bigint, primary_key: true }
                  b: integer
                  c: { type: boolean, nullable: true }
                  d: numeric(10,2)
                  e: double precision
                  f: varchar(40)
            """
        try expectSameSchema([("s.yaml", aliases)], [("s.yaml", canonical)])
    }

    static let wholeSchema = (
        settings: """
            schema: budget
            extensions: [pgcrypto]
            enums:
              entry_kind: [plan, actual]
            """,
        dimensions: """
            dimensions:
              user:
                history: scd2
                key: [email]
                columns:
                  email: varchar(255)
                  name: text
              article:
                key: [code]
                hierarchy: closure
                columns: { code: varchar(50) }
            """,
        facts: """
            facts:
              budget_entry:
                dimensions: [user, article, { dimension: user, role: approver }]
                grain: [user, article, entry_date]
                measures: { amount: "numeric(19,4)" }
                columns:
                  entry_date: date
                  kind: { type: entry_kind, default: actual }
            """)

    @Test func movingDefinitionsBetweenFilesChangesNothing() throws {
        let s = Self.wholeSchema
        let oneFile = s.settings + "\n" + s.dimensions + "\n" + s.facts
        try expectSameSchema(
            [("schema.yaml", oneFile)],
            [("z/facts/budget_entry.yaml", s.facts), ("a.yaml", s.settings), ("m/dimensions.yml", s.dimensions)])
        // The order the files are handed over in does not matter either.
        try expectSameSchema(
            [("a.yaml", s.settings), ("b.yaml", s.dimensions), ("c.yaml", s.facts)],
            [("c.yaml", s.facts), ("b.yaml", s.dimensions), ("a.yaml", s.settings)])
    }

    @Test func reorderingKeysChangesNothing() throws {
        let s = Self.wholeSchema
        let reordered = """
            facts:
              budget_entry:
                columns:
                  entry_date: date
                  kind: { default: actual, type: entry_kind }
                measures: { amount: "numeric(19,4)" }
                grain: [user, article, entry_date]
                dimensions: [user, article, { role: approver, dimension: user }]
            dimensions:
              article:
                columns: { code: varchar(50) }
                hierarchy: closure
                key: [code]
              user:
                columns:
                  email: varchar(255)
                  name: text
                key: [email]
                history: scd2
            enums:
              entry_kind: [plan, actual]
            extensions: [pgcrypto]
            schema: budget
            """
        try expectSameSchema([("s.yaml", s.settings + "\n" + s.dimensions + "\n" + s.facts)], [("s.yaml", reordered)])
    }

    @Test func extensionListsAreMergedAndDeduplicated() throws {
        let schema = try compiled([
            ("a.yaml", "extensions: [pgcrypto, citext]"),
            ("b.yaml", "extensions: [citext]\ndimensions:\n  d: { history: { type: scd2, no_overlap: true }, key: [k], columns: { k: text } }"),
        ])
        #expect(schema.extensions == ["btree_gist", "citext", "pgcrypto"])
    }

    @Test func renamedFromIsAHintNotPartOfTheSchema() throws {
        let plain = """
            dimensions:
              customer:
                key: [email]
                columns:
                  email: varchar(255)
                  full_name: text
            """
        let withHints = """
            dimensions:
              customer:
                renamed_from: client
                key: [email]
                columns:
                  email: varchar(255)
                  full_name: { type: text, renamed_from: name }
            """
        try expectSameSchema([("s.yaml", plain)], [("s.yaml", withHints)])
        // The hint is still there for the diff.
        let table = try #require(try compiled(withHints).table(named: "t_d_customer"))
        #expect(table.renamedFrom == "t_d_client")
        #expect(table.column(named: "full_name")?.renamedFrom == "name")
    }

    @Test func snapshotIsByteIdenticalAcrossCompilations() throws {
        let s = Self.wholeSchema
        let files = [("a.yaml", s.settings), ("b.yaml", s.dimensions), ("c.yaml", s.facts)]
        let first = try Snapshot.encode(compiled(files))
        let second = try Snapshot.encode(compiled(files))
        #expect(first == second)
        #expect(try Snapshot.decode(first) == compiled(files))
    }

    // MARK: - Problems found by review, fixed: each states the expected behaviour.


    @Test func enumMayNotTakeTheNameOfATable() {
        // PostgreSQL: `type "t_d_customer" already exists` (a table's row type shares the namespace).
        let yaml = """
            enums:
              t_d_customer: [a, b]
            dimensions:
              customer: { columns: { name: text } }
            """
        do {
            #expect(problems(yaml).map(\.code) == ["duplicate-name"])
        }
    }

    @Test func integerDefaultsAreRangeChecked() {
        // PostgreSQL creates the table, then every INSERT fails with `smallint out of range`.
        let yaml = """
            tables:
              t:
                columns:
                  a: { type: smallint, default: 70000 }
            """
        do {
            #expect(problems(yaml).map(\.location) == [at("70000", in: yaml)])
        }
    }

    @Test func duplicateEnumMessageSaysAnEnum() {
        let a = "enums:\n  status: [a]\n"
        let b = "enums:\n  status: [b]\n"
        do {
            #expect(problems([("a.yaml", a), ("b.yaml", b)]).map(\.message) == ["enum 'status' is already defined as an enum at a.yaml:2:3"])
        }
    }

    @Test func transposedLettersGetASuggestion() {
        let yaml = """
            tables:
              contact:
                columns:
                  id: { type: bigint, primary_key: true }
                  email: text
                indexes:
                  - columns: [emial]
            """
        do {
            #expect(problems(yaml).map(\.message) == ["index names unknown column 'emial' of 'contact'; did you mean 'email'?"])
        }
    }

    @Test func aColumnWithABadTypeIsNotReportedAsUnknown() {
        let yaml = """
            dimensions:
              product:
                key: [code]
                columns:
                  code: varchr(10)
            """
        do {
            #expect(problems(yaml).map(\.code) == ["unknown-type"])
        }
    }

    @Test func parameterErrorsDoNotSuggestThePlaceholderSpelling() {
        let yaml = """
            tables:
              t:
                columns:
                  code: varchar(0)
            """
        do {
            #expect(problems(yaml).map(\.message) == ["invalid type 'varchar(0)': length must be between 1 and 10485760"])
        }
    }

    @Test func uniqueIndexesAreNamedUq() throws {
        let schema = try compiled("""
            tables:
              contact:
                columns:
                  id: { type: bigint, primary_key: true }
                  email: text
                indexes:
                  - { columns: [email], unique: true }
            """)
        do {
            #expect(schema.table(named: "contact")?.indexes.map(\.name) == ["uq_contact_email"])
        }
    }
}

// MARK: - Helpers

private typealias Location = SchemacIR.SourceLocation

/// One expected diagnostic.
private struct Expected: Equatable, CustomStringConvertible {
    var location: Location
    var code: String
    var message: String

    init(_ location: Location, _ code: String, _ message: String) {
        self.location = location
        self.code = code
        self.message = message
    }

    init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.location ?? Location(file: "?", line: 0, column: 0), diagnostic.code, diagnostic.message)
    }

    var description: String { "\(location): [\(code)] \(message)" }
}

/// Where the `occurrence`-th `token` is written in `text`: 1-based line and
/// column, the column counted in characters (Unicode scalars), as libyaml does.
private func at(_ token: String, in text: String, occurrence: Int = 1, file: String = "s.yaml",
                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Location {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var rest = line[...]
        while let range = rest.range(of: token) {
            seen += 1
            if seen == occurrence {
                let column = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1
                return Location(file: file, line: index + 1, column: column)
            }
            rest = line[range.upperBound...]
        }
    }
    Issue.record("'\(token)' (occurrence \(occurrence)) is not in the YAML text", sourceLocation: sourceLocation)
    return Location(file: file, line: 0, column: 0)
}

private func compile(_ files: [(path: String, yaml: String)]) -> Result<CompiledSchema, DiagnosticError> {
    SchemaLoader.compile(files.map { SourceFile(path: $0.path, contents: Array($0.yaml.utf8)) })
}

private func compile(_ yaml: String) -> Result<CompiledSchema, DiagnosticError> {
    compile([("s.yaml", yaml)])
}

/// The diagnostics of input that must be refused (a success records an issue).
private func problems(_ files: [(path: String, yaml: String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    switch compile(files) {
    case .success:
        Issue.record("the schema compiled, but errors were expected", sourceLocation: sourceLocation)
        return []
    case let .failure(error):
        return error.diagnostics
    }
}

private func problems(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
    problems([("s.yaml", yaml)], sourceLocation: sourceLocation)
}

/// Exactly these diagnostics, in this order.
private func expect(_ yaml: String, _ expected: [Expected], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let actual = problems(yaml, sourceLocation: sourceLocation).map(Expected.init)
    #expect(actual == expected, sourceLocation: sourceLocation)
}

private struct CompileFailure: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The IR of input that must compile.
private func compiled(_ files: [(path: String, yaml: String)]) throws -> Schema {
    switch compile(files) {
    case let .success(result): return result.schema
    case let .failure(error): throw CompileFailure(diagnostics: error.diagnostics)
    }
}

private func compiled(_ yaml: String) throws -> Schema {
    try compiled([("s.yaml", yaml)])
}

/// Both inputs give equal IR values and byte-identical snapshots.
private func expectSameSchema(_ a: [(path: String, yaml: String)], _ b: [(path: String, yaml: String)],
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let first = try compiled(a), second = try compiled(b)
    #expect(first == second, sourceLocation: sourceLocation)
    let firstBytes = try Snapshot.encode(first), secondBytes = try Snapshot.encode(second)
    #expect(firstBytes == secondBytes, sourceLocation: sourceLocation)
    #expect(!first.tables.isEmpty, sourceLocation: sourceLocation)
}
