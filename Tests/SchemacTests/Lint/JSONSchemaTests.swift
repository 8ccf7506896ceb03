import Foundation
@testable import SchemacDSL
import SchemacLint
import Testing

/// `schemac.schema.json`, the JSON Schema editors use (through the YAML
/// language server) to validate and complete schema files. Checked with the
/// `jsonschema` Python package, reading YAML as the language server does
/// (YAML 1.2: only true/false are booleans, no timestamps).
@Suite struct JSONSchemaTests {
    static let schemaPath = LintCLITests.repository + "/schemac.schema.json"

    /// Bad-input fixtures whose problem is the shape of the YAML (unknown keys,
    /// wrong shapes, invalid names, reserved or missing keys): the schema rejects them.
    static let structural = [
        "bad_default_values", "bad_hierarchy_on_fact", "bad_hierarchy_on_table", "bad_index_missing_column", "bad_invalid_identifiers",
        "bad_many_errors", "bad_reserved_columns", "bad_scd2_without_key", "bad_unknown_key", "bad_unquoted_comma_in_flow",
    ]
    /// Bad-input fixtures whose problem only the compiler can see (names across
    /// files, types, references): well-shaped, so the schema accepts them.
    static let semantic = [
        "bad_duplicate_names_across_files", "bad_duplicate_yaml_key", "bad_grain_missing_column", "bad_references_nothing",
        "bad_schema_in_two_files", "bad_type_parameters", "bad_unknown_type",
    ]
    /// Not YAML at all: nothing for a schema to say.
    static let unparsable = ["bad_yaml_syntax"]

    static let script = """
        import json, re, sys, yaml, jsonschema
        # libyaml, like schemac (the pure-Python scanner rejects `bigint?,` in a flow mapping),
        # with YAML 1.2 scalars, like the YAML language server.
        Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        class Loader(Base):
            pass
        Loader.yaml_implicit_resolvers = {
            key: [(tag, rx) for tag, rx in value if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
            for key, value in Base.yaml_implicit_resolvers.items()}
        Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
        schema = json.load(open(sys.argv[1]))
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = validator_class(schema)
        result = {}
        for path in sys.argv[2:]:
            document = yaml.load(open(path, encoding="utf-8"), Loader=Loader)
            errors = validator.iter_errors(document if document is not None else {})
            result[path] = sorted("/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors)
        print(json.dumps(result))
        """

    /// Path → the schema's complaints (empty: valid), for every YAML file below `folders`.
    static func validate(_ folders: [String]) throws -> [String: [String]] {
        var files: [String] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { files.append(folder + "/" + relative) }
            }
        }
        let output = try PythonTool.run(script, [schemaPath] + files.sorted())
        guard output.status == 0 else { throw PythonFailure(description: output.stderr) }
        return try JSONDecoder().decode([String: [String]].self, from: Data(output.stdout.utf8))
    }

    struct PythonFailure: Error, CustomStringConvertible { var description: String }

    @Test func acceptsTheExampleAndEveryValidInputAndRejectsTheStructuralErrors() throws {
        if let missing = PythonTool.missing(["yaml", "jsonschema"]) {
            Issue.record("python3 modules missing (\(missing)); scripts/install-deps.sh installs PyYAML and jsonschema")
            return
        }
        let fixtures = Golden.fixtures
        let compileCases = Golden.cases("compile").filter { !Self.unparsable.contains($0) }
        var folders = [LintCLITests.repository + "/schema"] + compileCases.map { "\(fixtures)/compile/\($0)/schema" }
        folders += ["migrations", "lint", "reports"].map { "\(fixtures)/\($0)" }
        let results = try Self.validate(folders)
        #expect(results.count > 150)
        for (path, errors) in results {
            let bad = Self.structural.first { path.contains("/compile/\($0)/") }
            if bad == nil { #expect(errors.isEmpty, "\(path) should validate: \(errors)") }
        }
        for name in Self.structural {
            let errors = results.filter { $0.key.contains("/compile/\(name)/") }.flatMap(\.value)
            #expect(!errors.isEmpty, "\(name) should be rejected by the JSON Schema")
        }
    }

    /// Every bad-input fixture is sorted into one of the lists, so a new one forces a decision.
    @Test func everyBadFixtureIsClassified() {
        let bad = Golden.cases("compile").filter { FileManager.default.fileExists(atPath: "\(Golden.fixtures)/compile/\($0)/errors.txt") }
        #expect(Set(bad) == Set(Self.structural + Self.semantic + Self.unparsable))
    }

    /// The schema knows the keys the reader knows, and the rules lint knows.
    @Test func staysInStepWithTheReaderAndTheRules() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.schemaPath))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(schema["definitions"] as? [String: Any])
        func keys(_ object: Any?) -> Set<String> { Set(((object as? [String: Any])?["properties"] as? [String: Any]).map { Array($0.keys) } ?? []) }
        func definition(_ name: String) -> Any? { definitions[name] }
        let columnObject = ((definition("column") as? [String: Any])?["anyOf"] as? [Any])?.last
        #expect(keys(schema) == Set(DeclarationReader.topLevelKeys))
        #expect(keys(definition("table")) == Set(DeclarationReader.bodyKeys))
        #expect(keys(definition("dimension")) == Set(DeclarationReader.dimensionKeys))
        #expect(keys(definition("fact")) == Set(DeclarationReader.factKeys))
        #expect(keys(columnObject) == Set(DeclarationReader.columnKeys))
        #expect(keys(definition("index")) == Set(DeclarationReader.indexKeys + ["lint_ignore"]))
        let ruleIds = (definition("ruleId") as? [String: Any])?["enum"] as? [String]
        #expect(Set(ruleIds ?? []) == Set(RuleCatalog.all.map(\.id)))
        let levels = (((schema["properties"] as? [String: Any])?["lint"] as? [String: Any])?["additionalProperties"] as? [String: Any])?["enum"] as? [String]
        #expect(levels == LintSettings.levelNames)
    }
}
