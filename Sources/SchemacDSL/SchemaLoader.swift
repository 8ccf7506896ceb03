import Foundation
import SchemacIR
import SchemacYAML

/// One schema file's path (as shown in diagnostics) and bytes.
public struct SourceFile: Sendable {
    public var path: String
    public var contents: [UInt8]
    public init(path: String, contents: [UInt8]) { self.path = path; self.contents = contents }
}

/// The front end's result: the IR plus settings that are not part of it.
public struct CompiledSchema: Sendable {
    public var schema: Schema
    public var migration: MigrationSettings
    /// The files read, in the order they were merged.
    public var files: [String]
    /// `lint:` and every `lint_ignore`: read by `schemac lint` only.
    public var lint = LintSettings()
}

/// The DSL front end: schema files → validated IR.
public enum SchemaLoader {
    /// Reads every `*.yaml`/`*.yml` under `directory` (subfolders included) in sorted path order.
    public static func load(directory: String) -> Result<CompiledSchema, DiagnosticError> {
        let files: [SourceFile]
        do {
            files = try SchemaFiles.read(directory: directory)
        } catch {
            return .failure(error)
        }
        return compile(files)
    }

    /// Compiles already-read files; paths decide the merge order.
    public static func compile(_ files: [SourceFile]) -> Result<CompiledSchema, DiagnosticError> {
        var diagnostics = Diagnostics()
        var decls = SchemaDeclarations()
        let sorted = files.sorted { $0.path < $1.path }
        // Files are parsed on all cores (libyaml reads one file on one thread)
        // and merged in path order, so output and diagnostics do not depend on it.
        let parsed = Chunks.map(sorted.count, limit: sorted.count) { range in range.map { read(sorted[$0]) } }
        for file in parsed.joined() {
            if let fileDecls = file.declarations { merge(fileDecls, into: &decls, diagnostics: &diagnostics) }
            diagnostics.append(contentsOf: file.diagnostics)
        }
        let translator = Translator(decls, diagnostics: diagnostics)
        let schema = translator.translate()
        if translator.diagnostics.hasErrors { return .failure(DiagnosticError(translator.diagnostics.sorted)) }
        return .success(CompiledSchema(schema: schema, migration: decls.migration?.value ?? MigrationSettings(), files: sorted.map(\.path), lint: decls.lintSettings))
    }

    /// One file's declarations (nil when it has no YAML document) and what its reader reported.
    private struct ParsedFile: Sendable {
        var declarations: SchemaDeclarations?
        var diagnostics: Diagnostics
    }

    private static func read(_ file: SourceFile) -> ParsedFile {
        let reader = Reader(file: file.path)
        let document = YAMLReader.parse(file.contents)
        for problem in document.problems {
            reader.error("yaml", problem.message, at: SourceLocation(file: file.path, line: problem.mark.line, column: problem.mark.column))
        }
        var declarations: SchemaDeclarations?
        if let root = document.root {
            var fileDecls = SchemaDeclarations()
            DeclarationReader(reader: reader).read(root, into: &fileDecls)
            declarations = fileDecls
        }
        return ParsedFile(declarations: declarations, diagnostics: reader.diagnostics)
    }

    /// `schema`, `naming`, `migration` and `lint` may be given in one file only; everything else accumulates.
    static func merge(_ file: SchemaDeclarations, into all: inout SchemaDeclarations, diagnostics: inout Diagnostics) {
        func single<T>(_ new: Located<T>?, _ existing: inout Located<T>?, _ key: String) {
            guard let new else { return }
            if let first = existing {
                diagnostics.error("duplicate-key", "'\(key)' is already given at \(first.location); give it in one file only", at: new.location)
            } else {
                existing = new
            }
        }
        single(file.schemaName, &all.schemaName, "schema")
        single(file.naming, &all.naming, "naming")
        single(file.migration, &all.migration, "migration")
        single(file.lint, &all.lint, "lint")
        all.extensions += file.extensions
        all.enums += file.enums
        all.dimensions += file.dimensions
        all.facts += file.facts
        all.tables += file.tables
    }
}
