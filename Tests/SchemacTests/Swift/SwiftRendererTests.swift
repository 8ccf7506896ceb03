import Testing

@testable import SchemacSwift

@Suite struct SwiftRendererTests {
    private func render(_ declarations: [SwiftDecl]) -> String {
        SwiftRenderer.file(header: ["Header."], imports: ["Foundation"], declarations: declarations)
    }

    @Test func undocumentedPropertiesStayTogetherAndDocumentedOnesStandApart() {
        let type = TypeDecl(
            kind: .struct, name: "S", access: .public, conformances: ["Sendable"],
            members: [
                .property(PropertyDecl(name: "a", type: "Int", access: .public)),
                .property(PropertyDecl(name: "b", type: "Int", access: .public)),
                .property(PropertyDecl(name: "c", type: "Int", doc: ["C."], access: .public)),
                .property(PropertyDecl(name: "d", type: "Int", access: .public)),
            ])
        #expect(
            render([.type(type)]) == """
                // Header.

                import Foundation

                public struct S: Sendable {
                    public var a: Int
                    public var b: Int

                    /// C.
                    public var c: Int

                    public var d: Int
                }

                """)
    }

    @Test func longParameterListsBreakOnePerLine() {
        let parameters = (1...9).map { FunctionDecl.Parameter(name: "parameter\($0)", type: "String") }
        let function = FunctionDecl(name: "init", access: .public, parameters: parameters, body: [.line("x = 1")])
        let text = render([.function(function)])
        #expect(text.contains("public init(\n    parameter1: String,\n"))
        #expect(text.contains("    parameter9: String\n) {\n    x = 1\n}\n"))
    }

    @Test func shortBodiesStayOnOneLine() {
        let property = PropertyDecl(name: "id", type: "String", access: .public, getter: [.line("code")])
        #expect(render([.property(property)]).hasSuffix("public var id: String { code }\n"))
    }

    @Test func multiLineStringsIndentTheirContent() {
        let property = PropertyDecl(name: "sql", isStatic: true, isLet: true, value: .string("SELECT 1\nFROM t"))
        let type = TypeDecl(kind: .enum, name: "Q", members: [.property(property)])
        #expect(render([.type(type)]).contains("    static let sql = \"\"\"\n        SELECT 1\n        FROM t\n        \"\"\"\n"))
    }

    @Test func stringLiteralsEscape() {
        #expect(SwiftLiteral.string("a\"b\\c\nd") == #""a\"b\\c\nd""#)
        #expect(SwiftLiteral.multilineString("x \"\"\" y\\", indent: 0) == "\"\"\"\nx \"\"\\\" y\\\\\n\"\"\"")
    }

    @Test func longArraysBreakWithTrailingCommas() {
        let elements = (1...20).map { SwiftExpr.raw(".column\($0)") }
        let property = PropertyDecl(name: "all", type: "[Column]", isStatic: true, isLet: true, value: .array(elements))
        let text = render([.property(property)])
        #expect(text.contains("static let all: [Column] = [\n    .column1,\n    .column2,\n"))
        #expect(text.hasSuffix("    .column20,\n]\n"))
    }

    @Test func longDocCommentsWrapBetweenWords() {
        let words = Array(repeating: "word", count: 40).joined(separator: " ")
        let text = render([.property(PropertyDecl(name: "x", type: "Int", doc: [words]))])
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 })
        #expect(text.contains("/// word word"))
    }
}
