import Testing

@testable import SchemacSwift

@Suite struct SwiftNamesTests {
    @Test(arguments: [
        ("display_name", "displayName"), ("id", "id"), ("is_current", "isCurrent"), ("a__b", "aB"),
        ("_leading", "leading"), ("x_1", "x1"), ("in-progress", "inProgress"), ("2fa", "_2fa"),
        ("Sad Face", "sadFace"), ("NEW", "new"), ("HTTPCode", "hTTPCode"), ("🙂", "value"), ("--", "value"),
    ])
    func lowerCamel(_ sql: String, _ swift: String) {
        #expect(SwiftNames.lowerCamel(sql) == swift)
    }

    @Test(arguments: [("budget_entry", "BudgetEntry"), ("user", "User"), ("a__b", "AB"), ("3d_model", "_3dModel")])
    func upperCamel(_ sql: String, _ swift: String) {
        #expect(SwiftNames.upperCamel(sql) == swift)
    }

    @Test func keywordsGetBackticks() {
        #expect(SwiftNames.escaped("default") == "`default`")
        #expect(SwiftNames.escaped("self") == "`self`")
        #expect(SwiftNames.escaped("name") == "name")
        for keyword in SwiftKeywords.all { #expect(SwiftKeywords.isKeyword(keyword)) }
        #expect(!SwiftKeywords.isKeyword("default2"))
    }

    /// Past the first names, the allocator moves from a list to a set: same answers.
    @Test func manyNamesStayUnique() {
        var names = NameAllocator(taken: ["x"])
        for number in 0..<40 { #expect(names.claim("name" + String(number)) == "name" + String(number)) }
        #expect(names.claim("x") == "x2")
        #expect(names.claim("name3") == "name3_2")
        #expect(names.claim("name3") == "name3_3")
        #expect(names.claim("name3_2") == "name3_2_2")
    }

    @Test func collisionsAreNumberedInOrder() {
        var names = NameAllocator()
        #expect(names.claim("aB") == "aB")
        #expect(names.claim("aB") == "aB2")
        #expect(names.claim("aB") == "aB3")
        #expect(names.claim("aB2") == "aB2_2")
    }

    @Test func namesEndingInADigitAreNumberedAfterAnUnderscore() {
        var names = NameAllocator()
        #expect(names.claim("x1") == "x1")
        #expect(names.claim("x1") == "x1_2")
    }

    @Test func reservedNamesGetATrailingUnderscore() {
        var types = NameAllocator(reserved: SwiftKeywords.reservedTypeNames)
        #expect(types.claim("Date") == "Date_")
        #expect(types.claim("Column") == "Column_")
        #expect(types.claim("Article") == "Article")
        var members = NameAllocator(reserved: SwiftKeywords.reservedMemberNames)
        #expect(members.claim("hashValue") == "hashValue_")
    }

    @Test func fileNamesAreUniqueIgnoringCase() {
        var files = NameAllocator()
        #expect(files.claimIgnoringCase("AB") == "AB")
        #expect(files.claimIgnoringCase("Ab") == "Ab_2")
    }
}
