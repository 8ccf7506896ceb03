import Foundation
import SchemacCLI
import Testing

/// The CLI contract, run in-process: files written, exit codes, drift detection.
@Suite struct CLITests {
    /// A temporary project: a schema folder and an output folder.
    struct Project {
        let root: String
        var schema: String { root + "/schema" }
        var out: String { root + "/generated" }

        init() throws {
            root = NSTemporaryDirectory() + "schemac-cli-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root + "/schema", withIntermediateDirectories: true)
        }

        func write(_ yaml: String, _ name: String = "warehouse.yaml") throws {
            try yaml.write(toFile: schema + "/" + name, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: String...) -> (status: Int32, out: String, err: String) {
            var args = arguments
            if args.first != "sql" && args.first != "lint" { args += ["--out", out] }
            return Schemac.run(args + ["--schema", schema])
        }

        /// Every file under the output folder with its bytes.
        func outputFiles() -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: out)
            while let path = enumerator?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: out + "/" + path), !path.hasSuffix("/") { files[path] = data }
            }
            return files
        }
    }

    static let v1 = """
        schema: shop
        dimensions:
          customer:
            history: scd2
            key: [email]
            columns:
              email: varchar(255)
              name: text
        """

    static let v2 = v1 + "\n      nickname: text?\n"

    @Test func generateWritesTheFirstMigrationAndThenNothing() throws {
        let project = try Project()
        try project.write(Self.v1)
        let first = project.run("generate")
        #expect(first.status == 0, "\(first.err)")
        let files = project.outputFiles()
        #expect(Set(files.keys).isSuperset(of: [
            "schema.snapshot.json", "migrations/0001_initial.up.sql", "migrations/0001_initial.down.sql", "migrations/schemac.sum",
        ]))
        let second = project.run("generate")
        #expect(second.status == 0)
        #expect(second.out.contains("nothing written"))
        #expect(project.outputFiles() == files)
        #expect(project.run("diff", "--check").status == 0)
    }

    @Test func aChangeMakesCheckFailUntilGenerated() throws {
        let project = try Project()
        try project.write(Self.v1)
        _ = project.run("generate")
        try project.write(Self.v2)
        let check = project.run("diff", "--check")
        #expect(check.status == 1)
        #expect(check.err.contains("not yet generated"))
        let pending = project.run("diff")
        #expect(pending.status == 0)
        #expect(pending.out.contains("ADD COLUMN nickname text;"))
        #expect(project.run("generate", "--name", "add_nickname").status == 0)
        #expect(project.outputFiles()["migrations/0002_add_nickname.up.sql"] != nil)
        #expect(project.run("diff", "--check").status == 0)
    }

    @Test func anEditedMigrationIsDetected() throws {
        let project = try Project()
        try project.write(Self.v1)
        _ = project.run("generate")
        let path = project.out + "/migrations/0001_initial.up.sql"
        try ("-- edited\n" + String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        let check = project.run("diff", "--check")
        #expect(check.status == 1)
        #expect(check.err.contains("0001_initial.up.sql was edited"))
        try project.write(Self.v2)
        #expect(project.run("generate").status == 2)
    }

    @Test func aDeletedMigrationIsDetected() throws {
        let project = try Project()
        try project.write(Self.v1)
        _ = project.run("generate")
        try FileManager.default.removeItem(atPath: project.out + "/migrations/0001_initial.down.sql")
        let check = project.run("diff", "--check")
        #expect(check.status == 1)
        #expect(check.err.contains("missing"))
    }

    @Test func destructiveChangesAreRefusedWithoutTheFlag() throws {
        let project = try Project()
        try project.write(Self.v2)
        _ = project.run("generate")
        let before = project.outputFiles()
        try project.write(Self.v1)
        let refused = project.run("generate")
        #expect(refused.status == 3)
        #expect(refused.err.contains("drops column t_d_customer.nickname"))
        #expect(project.outputFiles() == before)
        #expect(project.run("diff").status == 0, "diff never refuses")
        #expect(project.run("diff", "--check").status == 1)
        #expect(project.run("generate", "--allow-destructive").status == 0)
        #expect(project.run("diff", "--check").status == 0)
    }

    @Test func invalidInputExitsTwoAndWritesNothing() throws {
        let project = try Project()
        try project.write(Self.v1)
        _ = project.run("generate")
        let before = project.outputFiles()
        try project.write(Self.v2 + "      broken: varchr(10)\n")
        let result = project.run("generate")
        #expect(result.status == 2)
        #expect(result.err.contains("warehouse.yaml:"))
        #expect(result.err.contains("unknown type 'varchr(10)'"))
        #expect(project.outputFiles() == before)
    }

    @Test func usageErrorsExitTwo() {
        #expect(Schemac.run(["generate", "--no-such-flag"]).status == 2)
        #expect(Schemac.run(["frobnicate"]).status == 2)
        #expect(Schemac.run(["--help"]).status == 0)
        #expect(Schemac.run(["generate", "--name", "Bad Name!", "--schema", "/nonexistent"]).status == 2)
    }

    @Test func missingSchemaFolderIsAnError() {
        let result = Schemac.run(["sql", "--schema", "/nonexistent/schema"])
        #expect(result.status == 2)
        #expect(result.err.contains("does not exist"))
    }

    @Test func sqlPrintsTheCreateScript() throws {
        let project = try Project()
        try project.write(Self.v1)
        let result = project.run("sql")
        #expect(result.status == 0)
        #expect(result.out.contains("CREATE TABLE shop.t_d_customer ("))
        #expect(result.out.contains("CREATE UNIQUE INDEX uq_t_d_customer_email_current ON shop.t_d_customer (email) WHERE is_current;"))
    }

    @Test func outputIsDeterministic() throws {
        let a = try Project(), b = try Project()
        try a.write(Self.v1)
        // The same schema split differently over files, keys reordered.
        try b.write("dimensions:\n  customer:\n    columns: { email: varchar(255), name: text }\n    key: [email]\n    history: scd2\n", "b.yaml")
        try b.write("schema: shop\n", "a.yaml")
        _ = a.run("generate")
        _ = b.run("generate")
        // The Swift header names the schema files it came from; everything else is identical.
        let withoutSwift = { (files: [String: Data]) in files.filter { !$0.key.hasPrefix("Swift/") } }
        #expect(withoutSwift(a.outputFiles()) == withoutSwift(b.outputFiles()))
        #expect(a.outputFiles().count == b.outputFiles().count)
    }
}
