import Testing
@testable import SchemacSQL

@Suite struct SQLIdentifierTests {
    @Test(arguments: [
        ("a_b", "a_b"),
        ("email", "email"),
        ("_x1$", "_x1$"),
        // Reserved (catcode R) and reserved-but-type-name (catcode T) keywords.
        ("user", "\"user\""),
        ("order", "\"order\""),
        ("group", "\"group\""),
        ("select", "\"select\""),
        ("left", "\"left\""),
        ("concurrently", "\"concurrently\""),
        // Catcode C and U keywords are fine as column names.
        ("int", "int"),
        ("time", "time"),
        ("name", "name"),
        ("value", "value"),
        // Anything PostgreSQL would fold or reject bare.
        ("Mixed", "\"Mixed\""),
        ("1abc", "\"1abc\""),
        ("$a", "\"$a\""),
        ("with space", "\"with space\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("café", "\"café\""),
    ])
    func quote(name: String, expected: String) {
        #expect(SQLIdentifier.quote(name) == expected)
    }

    @Test func qualifiedAlwaysNamesTheSchema() {
        #expect(SQLIdentifier.qualified("public", "t") == "public.t")
        #expect(SQLIdentifier.qualified("budget", "order") == "budget.\"order\"")
        #expect(SQLIdentifier.qualified("My Schema", "t_d_user") == "\"My Schema\".t_d_user")
    }

    @Test func typeQualifierQuotesColumnNameKeywords() {
        // `time.kind` would parse as the type time; the schema needs quotes in a type position.
        #expect(SQLIdentifier.qualifiedType("time", "kind") == "\"time\".kind")
        #expect(SQLIdentifier.qualifiedType("budget", "kind") == "budget.kind")
        #expect(SQLIdentifier.qualified("time", "kind") == "time.kind")
    }

    @Test func keywordListsAreSortedAndDisjoint() {
        #expect(SQLKeywords.reserved == SQLKeywords.reserved.sorted())
        #expect(SQLKeywords.notTypeOrFunctionName == SQLKeywords.notTypeOrFunctionName.sorted())
        #expect(SQLKeywords.reserved.count == 100)
        #expect(SQLKeywords.reservedSet.isDisjoint(with: SQLKeywords.notTypeOrFunctionNameSet))
    }

    /// `isReservedKeyword` skips the set for names longer than `longestReserved` or with a digit or `$`.
    @Test func reservedKeywordShortcutSeesEveryKeyword() {
        #expect(SQLKeywords.longestReserved == SQLKeywords.reserved.map(\.utf8.count).max())
        for keyword in SQLKeywords.reserved {
            #expect(SQLIdentifier.isReservedKeyword(keyword))
            #expect(SQLIdentifier.quote(keyword) == "\"" + keyword + "\"")
        }
        #expect(!SQLIdentifier.isReservedKeyword("order_2"))
        #expect(!SQLIdentifier.isReservedKeyword("current_timestamps"))
        #expect(SQLIdentifier.quote("order2") == "order2")
    }
}
