import Foundation
@testable import SchemacCLI
import SchemacDSL
import SchemacIR
import Testing

/// `generated/ERD.md`: every diagram schemac can write follows the Mermaid
/// grammar, checked line by line here and by Mermaid's own parser
/// (mermaid.js, run by the `mermaidx` Python package).
@Suite struct ERDTests {
    /// The ERD of the example warehouse and of every schema fixture that compiles.
    static func diagrams() throws -> [(name: String, diagram: String)] {
        var schemas: [(String, Schema)] = []
        let example = LintCLITests.repository + "/schema"
        if case let .success(compiled) = SchemaLoader.load(directory: example) { schemas.append(("example", compiled.schema)) }
        for group in ["compile", "reports"] {
            for name in Golden.cases(group) {
                let base = Golden.fixtures + "/\(group)/" + name
                for folder in ["schema", "after"] where FileManager.default.fileExists(atPath: base + "/" + folder) {
                    if let compiled = try? LintHarness.compile(base + "/" + folder, base: base) { schemas.append(("\(group)/\(name)", compiled.schema)) }
                }
            }
        }
        return schemas.map { ($0.0, ERDDiagram.render($0.1)) }
    }

    @Test func everyDiagramFollowsTheGrammar() throws {
        let diagrams = try Self.diagrams()
        #expect(diagrams.count > 15)
        for (name, diagram) in diagrams {
            #expect(MermaidGrammar.problems(diagram).isEmpty, "\(name): \(MermaidGrammar.problems(diagram))")
        }
    }

    @Test func theGrammarCheckRejectsBrokenDiagrams() {
        let good = "erDiagram\n    a {\n        numeric amount \"numeric(19,4)\"\n        bigint id PK, FK\n    }\n    a ||..o{ a : \"parent_id\""
        #expect(MermaidGrammar.problems(good).isEmpty)
        let broken = [
            "graph TD\n    a {\n    }": "line 1",
            "erDiagram\n    a {\n        numeric(19,4) amount\n    }": "not an attribute",
            "erDiagram\n    a {\n        bigint id PK PK\n    }": "not an attribute",
            "erDiagram\n    a {\n        bigint id": "not closed",
            "erDiagram\n    a ||--o{ b : \"x\"": "undeclared entity",
            "erDiagram\n    a {\n    }\n    a ||--o{ a : x": "not an entity or relationship",
        ]
        for (diagram, problem) in broken {
            #expect(MermaidGrammar.problems(diagram).contains { $0.contains(problem) }, "\(diagram)")
        }
    }

    /// Mermaid itself parses every diagram: mermaid.js's `mermaid.parse`, run
    /// in QuickJS by the `mermaidx` package (`pip install mermaidx`).
    @Test func mermaidItselfParsesEveryDiagram() throws {
        if let missing = PythonTool.missing(["mermaidx"]) {
            Issue.record("the Mermaid parser is missing (\(missing)); scripts/install-deps.sh installs it with pip install mermaidx")
            return
        }
        let diagrams = try Self.diagrams()
        let payload = try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: diagrams.map { ($0.name, $0.diagram) }))
        let output = try PythonTool.run(Self.renderScript, [], stdin: String(decoding: payload, as: UTF8.self))
        #expect(output.status == 0, "\(output.stderr)")
        let failures = output.stdout.split(separator: "\n").filter { !$0.hasSuffix(": ok") }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(output.stdout.split(separator: "\n").count == diagrams.count)
    }

    /// Loads mermaid.js once (as mermaidx loads it) and calls `mermaid.parse`
    /// on each diagram; if mermaidx's loader moves, falls back to a full render
    /// per diagram, which parses too but takes seconds each.
    static let renderScript = """
        import json, sys, warnings
        warnings.simplefilter("ignore")
        diagrams = sorted(json.load(sys.stdin).items())
        try:
            import quickjs
            from mermaidx.engines._common import context_scripts
            context = quickjs.Context()
            context.set_memory_limit(512 * 1024 * 1024)
            context.set_max_stack_size(24 * 1024 * 1024)
            context.eval("globalThis.__log = () => 0; globalThis.__measureText = () => 0;")
            for script in context_scripts():
                context.eval(script)
            def check(diagram):
                context.eval("globalThis.__result = undefined; mermaid.parse(%s).then("
                             "() => { globalThis.__result = 'ok' }, e => { globalThis.__result = String(e.message) })" % json.dumps(diagram))
                while context.execute_pending_job():
                    pass
                return context.eval("globalThis.__result")
        except ImportError:
            import mermaidx
            def check(diagram):
                try:
                    mermaidx.render(diagram).svg()
                    return "ok"
                except Exception as error:
                    return str(error)
        for name, diagram in diagrams:
            print(name + ": " + " ".join(str(check(diagram)).split()))
        """
}
