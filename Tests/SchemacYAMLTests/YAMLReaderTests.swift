import Testing
@testable import SchemacYAML

// MARK: - Helpers

private extension YAMLNode {
    var scalar: Scalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }
    var text: String? { scalar?.text }
    var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }
    var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }
    var keys: [String] { (entries ?? []).map { $0.key.text ?? "?" } }
    subscript(key: String) -> YAMLNode? { entries?.first { $0.key.text == key }?.value }
    subscript(index: Int) -> YAMLNode? { items.flatMap { $0.indices.contains(index) ? $0[index] : nil } }
}

private func mark(_ line: Int, _ column: Int) -> Mark { Mark(line: line, column: column) }

/// Parses text that must be free of problems.
private func root(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> YAMLNode? {
    let document = YAMLReader.parse(text)
    #expect(document.problems == [], sourceLocation: sourceLocation)
    return document.root
}

// MARK: - Scalars

@Test func plainScalarRoot() {
    let node = root("hello world")
    #expect(node == YAMLNode(.scalar(Scalar("hello world")), mark: mark(1, 1)))
}

@Test func scalarStylesAndEscapes() {
    let node = root(#"""
    plain: some text
    single: 'it''s \n raw'
    double: "tab\there\nnew \u00e9 \"q\" \\"
    folded: >
      one
      two

      three
    literal: |
      line 1
        indented
    keep: |+
      x

    strip: >-
      a
      b
    """#)
    #expect(node?["plain"]?.scalar == Scalar("some text", style: .plain))
    #expect(node?["single"]?.scalar == Scalar(#"it's \n raw"#, style: .singleQuoted))
    #expect(node?["double"]?.scalar == Scalar("tab\there\nnew é \"q\" \\", style: .doubleQuoted))
    #expect(node?["folded"]?.scalar == Scalar("one two\nthree\n", style: .folded))
    #expect(node?["literal"]?.scalar == Scalar("line 1\n  indented\n", style: .literal))
    #expect(node?["keep"]?.scalar == Scalar("x\n\n", style: .literal))
    #expect(node?["strip"]?.scalar == Scalar("a b", style: .folded))
}

@Test func multiLineFlowScalarsFold() {
    let node = root("a: first\n  second\nb: \"x\n  y\\\n  z\"\n")
    #expect(node?["a"]?.text == "first second")
    #expect(node?["b"]?.text == "x yz")
}

@Test func emptyValuesAreEmptyPlainScalars() {
    let node = root("a:\nb: ~\nc: ''\n")
    #expect(node?["a"]?.scalar?.isNull == true)
    #expect(node?["b"]?.scalar?.isNull == true)
    #expect(node?["c"]?.scalar == Scalar("", style: .singleQuoted))
    #expect(node?["c"]?.scalar?.isNull == false)
}

@Test func explicitTagsAreKeptInShortForm() {
    let node = root("a: !!str 123\nb: !custom x\nc: !<tag:example.com,2024:t> y\nd: plain\ne: !!map {}\n")
    #expect(node?["a"]?.tag == "!!str")
    #expect(node?["a"]?.text == "123")
    #expect(node?["b"]?.tag == "!custom")
    #expect(node?["c"]?.tag == "tag:example.com,2024:t")
    #expect(node?["d"]?.tag == nil)
    #expect(node?["e"]?.tag == "!!map")
}

// MARK: - Collections

@Test func nestedBlockCollections() {
    let node = root("""
    table: users
    columns:
      - name: id
        type: uuid
      - name: email
        tags: [unique, indexed]
    options:
      strict: true
    """)
    #expect(node?.keys == ["table", "columns", "options"])
    #expect(node?["columns"]?.items?.count == 2)
    #expect(node?["columns"]?[0]?["type"]?.text == "uuid")
    #expect(node?["columns"]?[1]?["tags"]?.items?.map(\.text) == ["unique", "indexed"])
    #expect(node?["options"]?["strict"]?.scalar?.bool == true)
}

@Test func flowCollectionsWithMarks() {
    let node = root("{a: 1, b: [x, y]}")
    #expect(node?.mark == mark(1, 1))
    #expect(node?.keys == ["a", "b"])
    #expect(node?["a"]?.scalar?.int == 1)
    let entries = node?.entries ?? []
    #expect(entries.map(\.key.mark) == [mark(1, 2), mark(1, 8)])
    #expect(entries.map(\.value.mark) == [mark(1, 5), mark(1, 11)])
    #expect(node?["b"]?.items?.map(\.mark) == [mark(1, 12), mark(1, 15)])
    #expect(node?["b"]?.items?.map(\.text) == ["x", "y"])
}

@Test func complexKeys() {
    let node = root("? [a, b]\n: pair\n")
    #expect(node?.entries?.first?.key.items?.map(\.text) == ["a", "b"])
    #expect(node?.entries?.first?.value.text == "pair")
}

// MARK: - Marks

@Test func blockMarksAreOneBased() {
    let node = root("name: users\ncolumns:\n  - id\n  - key: v\n")
    let entries = node?.entries ?? []
    #expect(entries.map(\.key.mark) == [mark(1, 1), mark(2, 1)])
    #expect(entries.first?.value.mark == mark(1, 7))
    #expect(node?["columns"]?.mark == mark(3, 3))
    #expect(node?["columns"]?[0]?.mark == mark(3, 5))
    #expect(node?["columns"]?[1]?.mark == mark(4, 5))
    #expect(node?["columns"]?[1]?.entries?.first?.value.mark == mark(4, 10))
}

@Test func columnsCountCharactersNotBytes() {
    // "ñ" is 2 bytes, "日本" 6 bytes, "🙂" 4 bytes (one scalar).
    let node = root("ñame: 日本\nx: [日本, 🙂, z]\n")
    #expect(node?["ñame"]?.mark == mark(1, 7))
    #expect(node?["ñame"]?.text == "日本")
    #expect(node?["x"]?.items?.map(\.mark) == [mark(2, 5), mark(2, 9), mark(2, 12)])
}

@Test func byteInputMatchesStringInput() {
    let text = "a: [1, 2]\nb: {c: d}\n"
    let fromBytes = YAMLReader.parse(Array(text.utf8))
    let fromString = YAMLReader.parse(text)
    #expect(fromBytes.root == fromString.root)
    #expect(fromBytes.root != nil)
}

// MARK: - Anchors and aliases

@Test func aliasIsACopyOfTheAnchoredNode() {
    let node = root("base: &b\n  x: 1\n  y: [a]\ncopy: *b\nword: &w hi\nagain: *w\n")
    #expect(node?["copy"] == node?["base"])
    #expect(node?["again"]?.scalar == Scalar("hi"))
    // A node starts at its first property, even on the line before its content.
    #expect(node?["copy"]?.mark == mark(1, 7))
    #expect(node?["word"]?.mark == mark(5, 7))
}

@Test func anchorsCanBeRedefined() {
    let node = root("- &a one\n- *a\n- &a two\n- *a\n")
    #expect(node?.items?.map(\.text) == ["one", "one", "two", "two"])
}

@Test func undefinedAliasIsReportedAtTheAlias() {
    let document = YAMLReader.parse("a: 1\nb: *nope\n")
    #expect(document.root == nil)
    #expect(document.problems == [YAMLProblem("undefined alias '*nope'", at: mark(2, 4))])
}

@Test func recursiveAliasIsRejected() {
    let document = YAMLReader.parse("a: &x [1, *x]\n")
    #expect(document.root == nil)
    #expect(document.problems.count == 1)
    #expect(document.problems.first?.mark == mark(1, 11))
    #expect(document.problems.first?.message.contains("recursive") == true)
}

// MARK: - Merge keys

@Test func mergeSingleMapping() {
    let node = root("""
    base: &base {a: 1, b: 2}
    derived:
      <<: *base
      b: 3
      c: 4
    """)
    let derived = node?["derived"]
    #expect(derived?.keys == ["a", "b", "c"])
    #expect(derived?["a"]?.text == "1")
    #expect(derived?["b"]?.text == "3")
    #expect(derived?["c"]?.text == "4")
    // Merged entries keep the marks of where they were written.
    #expect(derived?.entries?.first?.key.mark == mark(1, 14))
    #expect(derived?["b"]?.mark == mark(4, 6))
}

@Test func explicitKeysWinEvenWhenWrittenBeforeTheMerge() {
    let node = root("{a: 0, <<: {a: 1, z: 9}}")
    #expect(node?.keys == ["a", "z"])
    #expect(node?["a"]?.text == "0")
}

@Test func mergeListEarlierMappingsWin() {
    let node = root("""
    x: &x {a: 1}
    y: &y {a: 2, b: 2}
    z:
      <<: [*x, *y]
      c: 3
    """)
    #expect(node?["z"]?.keys == ["a", "b", "c"])
    #expect(node?["z"]?["a"]?.text == "1")
    #expect(node?["z"]?["b"]?.text == "2")
}

@Test func mergedKeysAreNotDuplicates() {
    let document = YAMLReader.parse("x: &x {a: 1, b: 1}\ny: &y {a: 2}\nz: {<<: [*x, *y], a: 3}\n")
    #expect(document.problems == [])
    #expect(document.root?["z"]?["a"]?.text == "3")
}

@Test func mergeOfAScalarIsAProblem() {
    let document = YAMLReader.parse("a: 1\n<<: 5\nb: 2\n")
    #expect(document.problems.count == 1)
    #expect(document.problems.first?.mark == mark(2, 5))
    #expect(document.problems.first?.message.contains("merge") == true)
    #expect(document.root?.keys == ["a", "b"])
}

@Test func mergeOfASequenceWithAScalarIsAProblem() {
    let document = YAMLReader.parse("<<: [{a: 1}, oops]\n")
    #expect(document.problems.map(\.mark) == [mark(1, 14)])
    #expect(document.root?.keys == ["a"])
}

@Test func quotedMergeKeyIsAnOrdinaryKey() {
    let node = root("'<<': {a: 1}\n")
    #expect(node?.keys == ["<<"])
}

// MARK: - Duplicate keys

@Test func duplicateKeyReportedAtTheDuplicateFirstKept() {
    let document = YAMLReader.parse("a: 1\nb: 2\na: 3\n")
    #expect(document.problems == [
        YAMLProblem("duplicate key 'a' (first defined at line 1, column 1)", at: mark(3, 1)),
    ])
    #expect(document.root?.keys == ["a", "b"])
    #expect(document.root?["a"]?.text == "1")
}

@Test func duplicateKeysCompareTextNotStyle() {
    let document = YAMLReader.parse("{a: 1, \"a\": 2}")
    #expect(document.problems.map(\.mark) == [mark(1, 8)])
}

@Test func duplicateCollectionKeysCompareByValue() {
    let document = YAMLReader.parse("? [a, {b: c}]\n: 1\n? [a, {b: c}]\n: 2\n? [a, {b: d}]\n: 3\n")
    #expect(document.problems == [
        YAMLProblem("duplicate key '[a, {b: c}]' (first defined at line 1, column 3)", at: mark(3, 3)),
    ])
    #expect(document.root?.entries?.count == 2)
}

@Test func longDuplicateKeysAreShortenedInMessages() {
    let long = String(repeating: "x", count: 100)
    let document = YAMLReader.parse("? &k [\(long), \(long)]\n: 1\n? *k\n: 2\n")
    #expect(document.problems.count == 1)
    let message = document.problems.first?.message ?? ""
    #expect(message.hasPrefix("duplicate key '[xxxx"))
    #expect(message.contains("…' (first defined at line 1, column 3)"))
    #expect(message.count < 100)
}

@Test func duplicateAliasKeyReportedAtTheAlias() {
    let document = YAMLReader.parse("- &k key\n- {key: 1, *k : 2}\n")
    #expect(document.problems.map(\.mark) == [mark(2, 12)])
}

@Test func duplicatesInLargeMappings() {
    // Large mappings switch from scanning to a hash index; both must agree.
    let keys = (0..<30).map { "k\($0): \($0)" }
    let text = (keys + ["k3: dup", "k29: dup", "'k7': dup", "? [a]\n: 1", "? [a]\n: 2"]).joined(separator: "\n")
    let document = YAMLReader.parse(text)
    #expect(document.problems.map(\.mark.line) == [31, 32, 33, 36])
    #expect(document.problems.first?.message == "duplicate key 'k3' (first defined at line 4, column 1)")
    #expect(document.root?.entries?.count == 31)
    #expect(document.root?["k29"]?.text == "29")
}

@Test func mergeIntoALargeMapping() {
    let keys = (0..<20).map { "k\($0): \($0)" }
    let node = root((["<<: {k5: merged, extra: merged}"] + keys).joined(separator: "\n"))
    #expect(node?.keys.first == "extra")
    #expect(node?["k5"]?.text == "5")
    #expect(node?.entries?.count == 21)
}

@Test func parsingContinuesAfterDuplicates() {
    let document = YAMLReader.parse("a: 1\na: 2\nb: {c: 1, c: 2}\n")
    #expect(document.problems.map(\.mark) == [mark(2, 1), mark(3, 11)])
    #expect(document.root?.keys == ["a", "b"])
}

// MARK: - Errors

@Test func syntaxErrorMessageAndLocation() {
    let document = YAMLReader.parse("a: 1\nb: c: d\n")
    #expect(document.root == nil)
    #expect(document.problems == [YAMLProblem("mapping values are not allowed in this context", at: mark(2, 5))])
}

@Test func syntaxErrorWithContext() {
    let document = YAMLReader.parse("a: [1, 2\nb: 3\n")
    #expect(document.root == nil)
    #expect(document.problems.count == 1)
    let message = document.problems.first?.message ?? ""
    #expect(message.contains("while parsing a flow sequence at line 1, column 4"))
}

@Test func problemsBeforeASyntaxErrorAreKept() {
    let document = YAMLReader.parse("a: 1\na: 2\nb: [\n")
    #expect(document.root == nil)
    #expect(document.problems.count == 2)
    #expect(document.problems.first?.message.hasPrefix("duplicate key 'a'") == true)
}

@Test func onlyOneDocument() {
    let document = YAMLReader.parse("a: 1\n---\nb: 2\n")
    #expect(document.root == nil)
    #expect(document.problems == [YAMLProblem("only one YAML document per file is supported", at: mark(2, 1))])
}

@Test func explicitDocumentMarkersAreFine() {
    let node = root("%YAML 1.1\n---\na: 1\n...\n")
    #expect(node?.keys == ["a"])
}

@Test(arguments: ["", "# just a comment\n", "\n\n  \n", "---\n", "---\n...\n"])
func emptyDocumentHasNoRoot(text: String) {
    let document = YAMLReader.parse(text)
    #expect(document.root == nil)
    #expect(document.problems == [])
}

@Test func invalidUTF8IsAProblem() {
    let document = YAMLReader.parse([0x61, 0x3A, 0x0A, 0x62, 0x3A, 0x20, 0xC3, 0xA9, 0xFF, 0x0A])
    #expect(document.root == nil)
    #expect(document.problems.count == 1)
    #expect(document.problems.first?.mark == mark(2, 5))
    #expect(document.problems.first?.message.contains("UTF-8") == true)
}

@Test func truncatedUTF8AndControlCharactersAreProblems() {
    for bytes: [UInt8] in [[0x61, 0xE6, 0x97], [0x61, 0x00, 0x62], [0xED, 0xA0, 0x80]] {
        let document = YAMLReader.parse(bytes)
        #expect(document.root == nil)
        #expect(document.problems.count == 1)
    }
}

// MARK: - Limits

@Test func nestingDeeperThanTheLimitIsAProblem() {
    let document = YAMLReader.parse(String(repeating: "[", count: 1_001))
    #expect(document.root == nil)
    #expect(document.problems == [
        YAMLProblem("collections are nested more than 1000 levels deep", at: mark(1, 1_001)),
    ])
    let block = YAMLReader.parse(String(repeating: "- ", count: 1_001) + "x")
    #expect(block.problems.map(\.mark) == [mark(1, 2_001)])
}

@Test func nestingAtTheLimitParses() {
    let text = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
    let document = YAMLReader.parse(text)
    #expect(document.problems == [])
    var node = document.root
    var levels = 0
    while let items = node?.items {
        levels += 1
        node = items.first
    }
    #expect(levels == 1_000)
    // Synthesized == recurses through every level; the limit keeps that safe.
    #expect(YAMLReader.parse(text).root == document.root)
}

@Test func veryDeepInputIsRejectedWithoutCrashing() {
    // The reader stops at the limit, so input depth does not matter.
    let document = YAMLReader.parse(String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000))
    #expect(document.root == nil)
    #expect(document.problems.count == 1)
}

@Test func nodeCapStopsBillionLaughs() {
    var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for (name, previous) in zip("bcdefghij", "abcdefghi") {
        let row = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
        lines.append("\(name): &\(name) [\(row)]")
    }
    let document = YAMLReader.parse(lines.joined(separator: "\n"))
    #expect(document.root == nil)
    #expect(document.problems.count == 1)
    #expect(document.problems.first?.message.contains("5000000 nodes") == true)
    #expect(document.problems.first?.mark.line == 7)
}

@Test func nodeCapCountsAliasesInFull() {
    let text = "a: &a [x, y, z]\nb: [*a, *a]\n"  // map, a, [x, y, z], b, [, *a (4), *a (4): 16 nodes
    #expect(YAMLReader.parse(Array(text.utf8), limits: YAMLLimits(maxNodes: 16)).problems == [])
    let capped = YAMLReader.parse(Array(text.utf8), limits: YAMLLimits(maxNodes: 15))
    #expect(capped.root == nil)
    #expect(capped.problems.map(\.mark) == [mark(2, 9)])
}
