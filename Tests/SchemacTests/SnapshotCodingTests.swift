import Foundation
import SchemacDSL
import SchemacIR
import Testing

/// The hand-written snapshot codec (Sources/SchemacIR/SnapshotCoding) against
/// Foundation's JSONEncoder/JSONDecoder, which it replaced: same bytes out,
/// same schema back, readable errors for anything else.
@Suite struct SnapshotCodingTests {
    // MARK: Byte-identical to Foundation

    @Test(arguments: compilableFixtures())
    func fixtureEncodesLikeFoundation(_ name: String) throws {
        let schema = try compileFixture(name)
        let ours = try Snapshot.encode(schema), reference = try foundationEncode(schema)
        #expect(ours == reference, "\(name): bytes differ\n\(firstDifference(ours, reference))")
        #expect(try Snapshot.decode(ours) == canonical(schema))
    }

    @Test(arguments: goldenSnapshotPaths())
    func committedSnapshotRoundTrips(_ path: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let schema = try Snapshot.decode(bytes)
        #expect(schema == (try JSONDecoder().decode(Schema.self, from: bytes)))
        #expect(try Snapshot.encode(schema) == bytes, "\(path) does not re-encode to the same bytes")
    }

    @Test func everyFieldAndAwkwardStringsEncodeLikeFoundation() throws {
        let schema = everything()
        let ours = try Snapshot.encode(schema)
        let reference = try foundationEncode(schema)
        #expect(ours == reference, "\(firstDifference(ours, reference))")
        #expect(try Snapshot.decode(ours) == canonical(schema))
        #expect(try JSONDecoder().decode(Schema.self, from: ours) == canonical(schema))
        let text = String(decoding: ours, as: UTF8.self)
        #expect(!text.contains("location") && !text.contains("renamedFrom"), "@SourceOnly fields leaked")
    }

    @Test func everyASCIICharacterAndSomeUnicodeEncodeLikeFoundation() throws {
        var all = ""
        for byte in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        for name in [all, "", "é e\u{301} ß 中文 😀 👩‍👩‍👧 \u{2028}\u{2029}\u{FEFF}\u{85}\u{A0}\u{10FFFF}", "\\\"/\\/\"\"\\\\", "\r\n\t\u{0}\u{1F}\u{7F}"] {
            let schema = Schema(name: name, extensions: [name, "x"], tables: [Table(name: name, kind: .table)])
            let ours = try Snapshot.encode(schema)
            #expect(ours == (try foundationEncode(schema)), "\(name.debugDescription)")
            #expect(try Snapshot.decode(ours) == canonical(schema))
        }
    }

    /// Bigger than the writer's initial buffer, and one string whose worst
    /// case (every byte escaped) is bigger still.
    @Test func largeSchemasEncodeLikeFoundation() throws {
        var schema = everything()
        let template = try #require(schema.table(named: "a_customer"))
        for i in 0..<40 {
            var copy = template
            copy.name = "t\(i)"
            copy.comment = i == 0 ? String(repeating: "\u{1}\"x\\", count: 30_000) : template.comment
            schema.tables.append(copy)
        }
        let ours = try Snapshot.encode(schema)
        #expect(ours.count > 1 << 17)
        #expect(ours == (try foundationEncode(schema)))
        #expect(try Snapshot.decode(ours) == canonical(schema))
    }

    // MARK: Tolerant of layout, order and escapes

    @Test func decodesAnyKeyOrderWhitespaceAndEscapes() throws {
        let schema = canonical(everything())
        let compact = JSONEncoder()  // no sorting, no pretty printing, escaped slashes
        #expect(try Snapshot.decode(compact.encode(schema)) == schema)
        let spaced = String(decoding: try Snapshot.encode(schema), as: UTF8.self)
            .replacingOccurrences(of: " : ", with: "\r\n\t:  ").replacingOccurrences(of: ",\n", with: "\n ,\t")
        #expect(try Snapshot.decode(Data(spaced.utf8)) == schema)

        let escaped = #"{"tables":[],"n\u0061me":"\u00e9\/\ud83d\ude00\"\\\b\f\n\r\t","format":1,"enums":[],"extensions":[]}"#
        #expect(try Snapshot.decode(Data(escaped.utf8)).name == "é/😀\"\\\u{8}\u{C}\n\r\t")

        let nulls = #"{"name":"s","format":1,"enums":[],"extensions":[],"tables":[{"name":"t","logicalName":"t","kind":"table","#
            + #""columns":[{"name":"c","type":"int","nullable":true,"default":null,"comment":null}],"primaryKey":null,"#
            + #""uniques":[],"checks":[],"foreignKeys":[],"exclusions":[],"indexes":[],"comment":null,"fact":null}]}"#
        let table = try #require(try Snapshot.decode(Data(nulls.utf8)).tables.first)
        #expect(table.columns == [Column(name: "c", type: .integer, nullable: true)] && table.primaryKey == nil)
    }

    // MARK: Readable errors

    @Test(arguments: [
        ("", "the document (line 1, column 1): expected a value, found the end of the document"),
        (#"{"name": "s""#, "the document (line 1, column 13): expected ',' or '}' after a member, found the end of the document"),
        (#"{"name": "s",}"#, "expected a key in double quotes, found '}'"),
        (#"{"name": "s"} x"#, "unexpected text after the end of the document"),
        (#"{"name": "a\qb"}"#, "invalid escape sequence in a string"),
        (#"{"name": "\ud800"}"#, "unpaired surrogate in a \\u escape"),
        ("{\"name\": \"a\tb\"}", "control character byte 0x09 must be escaped in a string"),
        (#"{"format": 01}"#, "numbers must not have leading zeros"),
        (#"{"name": tru}"#, "expected 'true', found 't'"),
        (String(repeating: "[", count: 600), "nesting deeper than 512 levels"),
        ("[1]", "the document (line 1, column 1): expected an object, found an array"),
        (#"{"format":1,"enums":[],"extensions":[],"tables":[]}"#, "the document (line 1, column 1): missing key \"name\""),
        (#"{"name":"s","format":1.5,"enums":[],"extensions":[],"tables":[]}"#, "format (line 1, column 22): expected an integer, found 1.5"),
        (#"{"name":"s","format":1,"enums":[],"extensions":[1],"tables":[]}"#, "extensions[0] (line 1, column 49): expected a string, found a number"),
        (#"{"name":"s","format":1,"enums":[],"extensions":[],"tables":[],"colour":"red"}"#, "the document (line 1, column 63): unknown key \"colour\""),
        (#"{"name":"s","name":"t","format":1,"enums":[],"extensions":[],"tables":[]}"#, "the document (line 1, column 13): duplicate key \"name\""),
    ])
    func malformedInputIsRefused(_ input: String, _ expected: String) {
        #expect {
            try Snapshot.decode(Data(input.utf8))
        } throws: { error in
            let text = "\(error)"
            let matches = error is SnapshotDecodingError && text.contains(expected)
            if !matches { Issue.record("got: \(text)\nexpected to contain: \(expected)") }
            return matches
        }
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"name": "ab"}"#.utf8)
        bytes[11] = 0xFF
        #expect(throws: SnapshotDecodingError.self) { try Snapshot.decode(Data(bytes)) }
    }

    @Test func errorsNameTheNestedPathAndLine() throws {
        let good = String(decoding: try Snapshot.encode(everything()), as: UTF8.self)
        let cases: [(String, String, String)] = [
            (#""type" : "numeric(10,2)""#, #""type" : "numeric(2,10)""#, "tables[0].columns[6].type (line"),
            (#""kind" : "dimension""#, #""kind" : "dimensional""#, #"tables[0].kind (line"#),
            (#""nullable" : false"#, #""nullable" : "no""#, "tables[0].columns[0].nullable (line"),
            (#""order" : "desc""#, #""order" : "down""#, "tables[0].indexes[0].keys[1].order (line"),
            (#""literal" : "0""#, #""literal" : "0", "sql" : "now()""#, "expected exactly one of the keys \"literal\" and \"sql\""),
        ]
        for (original, replacement, expected) in cases {
            let broken = good.replacingOccurrences(of: original, with: replacement)
            #expect(broken != good, "fixture text \(original) not found")
            #expect {
                try Snapshot.decode(Data(broken.utf8))
            } throws: { error in
                "\(error)".contains(expected) || { Issue.record("got: \(error)\nexpected: \(expected)"); return false }()
            }
        }
        let missing = good.replacingOccurrences(of: #""logicalName" : "customer","#, with: "")
        #expect(throws: SnapshotDecodingError.self) { try Snapshot.decode(Data(missing.utf8)) }
        do {
            _ = try Snapshot.decode(Data(missing.utf8))
        } catch {
            #expect("\(error)".hasPrefix("tables[0] (line ") && "\(error)".hasSuffix(#"missing key "logicalName""#), "\(error)")
        }
    }

    /// Truncations and deletions of structural bytes of a real snapshot either
    /// decode or throw: the parser never reads out of bounds. (A sample: this
    /// runs in debug builds.)
    @Test func damagedSnapshotsNeverCrash() throws {
        let bytes = Array(try Snapshot.encode(everything()))
        for end in stride(from: 0, to: bytes.count, by: 31) { _ = try? Snapshot.decode(Data(bytes[..<end])) }
        let structural = Set(#"{}[]:,"\"#.utf8)
        for index in bytes.indices.prefix(3000) where structural.contains(bytes[index]) {
            var damaged = bytes
            damaged.remove(at: index)
            _ = try? Snapshot.decode(Data(damaged))
        }
    }
}

// MARK: - Reference and fixtures

/// What `Snapshot.encode` did before: Foundation's encoder over the Codable conformances.
private func foundationEncode(_ schema: Schema) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(canonical(schema))
    data.append(0x0A)
    return data
}

private func canonical(_ schema: Schema) -> Schema {
    var schema = schema
    schema.canonicalize()
    return schema
}

private func firstDifference(_ a: Data, _ b: Data) -> String {
    Golden.lineDiff(String(decoding: b, as: UTF8.self), String(decoding: a, as: UTF8.self))
}

private func compilableFixtures() -> [String] {
    Golden.cases("compile").filter { FileManager.default.fileExists(atPath: Golden.fixtures + "/compile/\($0)/snapshot.json") }
}

private func goldenSnapshotPaths() -> [String] {
    let repository = URL(fileURLWithPath: Golden.fixtures).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return compilableFixtures().map { Golden.fixtures + "/compile/\($0)/snapshot.json" }
        + [repository.appendingPathComponent("generated/schema.snapshot.json").path]
}

private func compileFixture(_ name: String) throws -> Schema {
    let base = Golden.fixtures + "/compile/" + name
    let files = Golden.sourceFiles(in: base + "/schema", relativeTo: base).map { SourceFile(path: $0.path, contents: $0.contents) }
    return try SchemaLoader.compile(files).get().schema
}

/// Quotes, backslash, slash, C0 controls, DEL, non-ASCII, combining marks,
/// emoji (with ZWJ), U+2028 and a BOM: everything an escaper can get wrong.
private let awkward = "quote \" backslash \\ slash / </script> nl \n tab \t cr \r nul \u{0} bell \u{7} esc \u{1B} us \u{1F} del \u{7F} é ñ 中文 😀 👩‍👩‍👧 e\u{301} \u{2028} \u{FEFF}"

/// A schema that sets every field of every IR type at least once (and leaves
/// every optional nil at least once), in non-canonical order.
private func everything() -> Schema {
    let here = SourceLocation(file: "a.yaml", line: 3, column: 5)
    let types: [ColumnType] = [
        .bigint, .integer, .smallint, .varchar(32), .char(1), .unconstrainedNumeric, .numeric(precision: 10, scale: 2), .real,
        .doublePrecision, .boolean, .text, .date, .timestamp, .timestamptz, .time, .interval, .uuid, .json, .jsonb, .bytea,
        .enumeration("status"), .array(.text), .array(.array(.integer)), .array(.enumeration("status")),
    ]
    var columns = types.enumerated().map { i, type in Column(name: "c\(i)", type: type, nullable: i % 3 == 2, location: here) }
    columns[0].name = "id"
    columns[0].identity = .always
    columns[0].renamedFrom = "old_id"
    columns[1].identity = .byDefault
    columns[2].defaultValue = .literal("0")
    columns[3].name = "code"
    columns[3].comment = awkward
    columns[4].defaultValue = .sql("'x'::char")
    columns[9].defaultValue = .literal(awkward)
    columns[12].defaultValue = .sql(awkward)

    var customer = Table(name: "a_customer", logicalName: "customer", kind: .dimension, columns: columns)
    customer.dimension = DimensionInfo(
        history: .scd2, businessKey: ["code"], noOverlap: true,
        hierarchy: Hierarchy(parentColumn: "parent_id", closureTable: "b_customer_tree", maintain: .none))
    customer.primaryKey = PrimaryKey(name: "pk_a_customer", columns: ["id"])
    customer.uniques = [UniqueConstraint(name: "uq_b", columns: ["code", "c2"]), UniqueConstraint(name: "uq_a", columns: ["c4"])]
    customer.checks = [CheckConstraint(name: "ck_awkward", expression: awkward), CheckConstraint(name: "ck_a", expression: "c2 >= 0")]
    customer.foreignKeys = [
        ForeignKey(name: "fk_parent", columns: ["parent_id"], referencedTable: "a_customer", referencedColumns: ["id"], onDelete: .setNull),
        ForeignKey(name: "fk_default", columns: ["c2"], referencedTable: "d_plain", referencedColumns: ["x"]),
    ]
    customer.exclusions = [
        ExclusionConstraint(
            name: "ex_valid", method: "gist",
            elements: [.init(expression: "code", operator: "="), .init(expression: "tstzrange(valid_from, valid_to)", operator: "&&")],
            predicate: awkward),
        ExclusionConstraint(name: "ex_a", method: "gist", elements: [.init(expression: "c7", operator: awkward)]),
    ]
    customer.indexes = [
        Index(name: "ix_b", method: "gin", keys: [IndexKey(.column("c21"), nulls: .last)], location: here),
        Index(
            name: "ix_a", unique: true, keys: [.column("code"), IndexKey(.expression("lower(code)"), order: .desc, nulls: .first)],
            include: ["c2", "c4"], predicate: "code <> ''"),
        Index(name: "ix_c", keys: [.column("c11", order: .desc), IndexKey(.expression(awkward))]),
    ]
    customer.comment = awkward
    customer.renamedFrom = "t_d_customer_old"
    customer.location = here

    var tree = Table(name: "b_customer_tree", kind: .closure, columns: [Column(name: "ancestor_id", type: .bigint)])
    tree.closure = ClosureInfo(dimensionTable: "a_customer")
    tree.foreignKeys = [
        ForeignKey(name: "fk_c", columns: ["ancestor_id"], referencedTable: "a_customer", referencedColumns: ["id"], onDelete: .noAction),
        ForeignKey(name: "fk_b", columns: ["ancestor_id"], referencedTable: "a_customer", referencedColumns: ["id"], onDelete: .restrict),
        ForeignKey(name: "fk_a", columns: ["ancestor_id"], referencedTable: "a_customer", referencedColumns: ["id"], onDelete: .cascade),
    ]

    var sales = Table(name: "c_sales", logicalName: "sales", kind: .fact, columns: [Column(name: "amount", type: .numeric(precision: 12, scale: 4))])
    sales.fact = FactInfo(
        dimensionReferences: [
            DimensionReference(dimension: "customer", role: nil, column: "customer_id"),
            DimensionReference(dimension: "customer", role: awkward, column: "approver_customer_id"),
        ],
        measures: ["amount"], grain: ["customer_id", "day"])

    var plain = Table(name: "d_plain", logicalName: awkward, kind: .table)
    plain.primaryKey = PrimaryKey(name: "pk_d_plain", columns: [])

    var scd1 = Table(name: "e_scd1", kind: .dimension, columns: [Column(name: "x", type: .text, comment: "")])
    scd1.dimension = DimensionInfo(history: .scd1, businessKey: [])

    return Schema(
        name: "warehouse",
        extensions: ["pg_trgm", "btree_gist", "pg_trgm"],
        enums: [
            EnumType(name: "status", values: ["b", "a", awkward], location: here), EnumType(name: "mood", values: []),
        ],
        tables: [scd1, plain, sales, tree, customer])
}
