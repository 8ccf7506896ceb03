import Foundation
import Testing
import PostgresHarness

/// SQL text helpers for test-written SQL, independent of schemac's own quoting.
enum SQLText {
    /// Always delimited: valid for any name, so tests never depend on a keyword list.
    static func ident(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func qualified(_ schema: String, _ name: String) -> String { ident(schema) + "." + ident(name) }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}

/// One relation, type or function living in a schema, as pg_catalog lists it.
struct NamespaceObject: Hashable, Comparable, CustomStringConvertible {
    var kind: String  // "relation r", "relation i", "relation S", "type e", "function", …
    var name: String
    var description: String { "\(kind) \(name)" }
    static func < (a: Self, b: Self) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
}

extension TestDatabase {
    /// Everything in `schema` not owned by an extension: every relation (tables, indexes,
    /// sequences, views…), every type other than arrays and table row types, every function.
    /// Broader than CatalogSnapshot, so a stray sequence or view cannot hide.
    func objects(inSchema schema: String) throws -> [NamespaceObject] {
        let notExtension = { (catalog: String, alias: String) in
            "NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = '\(catalog)'::regclass AND d.objid = \(alias).oid AND d.deptype = 'e')"
        }
        let rows = try query(
            """
            WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = \(SQLText.literal(schema)))
            SELECT 'relation ' || c.relkind::text, c.relname FROM pg_class c, ns
            WHERE c.relnamespace = ns.oid AND \(notExtension("pg_class", "c"))
            UNION ALL
            SELECT 'type ' || t.typtype::text, t.typname FROM pg_type t, ns
            WHERE t.typnamespace = ns.oid AND t.typcategory <> 'A'
              AND (t.typrelid = 0 OR (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c')
              AND \(notExtension("pg_type", "t"))
            UNION ALL
            SELECT 'function', p.proname FROM pg_proc p, ns
            WHERE p.pronamespace = ns.oid AND \(notExtension("pg_proc", "p"))
            """)
        return rows.map { NamespaceObject(kind: $0[0], name: $0[1]) }.sorted()
    }

    func schemaExists(_ schema: String) throws -> Bool {
        try query("SELECT 1 FROM pg_namespace WHERE nspname = \(SQLText.literal(schema))") == [["1"]]
    }

    func installedExtensions() throws -> Set<String> {
        Set(try query("SELECT extname FROM pg_extension").map { $0[0] })
    }

    /// The words `quote_ident` delimits: every keyword not in the unreserved category.
    func quotedKeywords() throws -> Set<String> {
        Set(try query("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'").map { $0[0] })
    }

    /// Runs `sql` expecting the server to refuse it with `sqlstate`, naming `constraint`
    /// when given. VERBOSITY verbose puts the SQLSTATE into psql's message.
    func expectRejected(
        _ sql: String, sqlstate: String, constraint: String? = nil, _ context: @autoclosure () -> String = "",
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        do {
            try run(sql: "\\set VERBOSITY verbose\n" + sql)
            Issue.record("accepted, expected SQLSTATE \(sqlstate): \(sql) \(context())", sourceLocation: sourceLocation)
        } catch let HarnessError.commandFailed(_, output, _) {
            #expect(output.stderr.contains("ERROR:  \(sqlstate):"),
                    "expected SQLSTATE \(sqlstate) for \(sql) \(context()), got:\n\(output.stderr)", sourceLocation: sourceLocation)
            if let constraint {
                #expect(output.stderr.contains("\"\(constraint)\""),
                        "expected constraint \(constraint) in the error for \(sql) \(context()), got:\n\(output.stderr)",
                        sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error) \(context())", sourceLocation: sourceLocation)
        }
    }
}

/// SplitMix64: tiny, seedable, identical on every platform, so a failing seed replays.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `SCHEMAC_SEED` replays a reported run; otherwise the fixed default keeps CI deterministic.
    static func seed(default value: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["SCHEMAC_SEED"].flatMap { UInt64($0) } ?? value
    }
}
