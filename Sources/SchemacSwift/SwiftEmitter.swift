import SchemacIR
import SchemacSQL

/// IR → Swift model sources: one file per table (dimension, fact, plain or closure
/// table) and per enum, named after its Swift type, plus `Schemac.swift` with the
/// protocols they share. See docs/swift.md for the mapping.
public enum SwiftEmitter {
    /// Generated files (UTF-8) by path relative to the `Swift/` output folder.
    public static func files(for schema: Schema, sources: [String]) -> [String: [UInt8]] {
        let names = SchemaNames(schema)
        let header = SourceHeader(sources).lines
        var files: [String: [UInt8]] = [:]
        files.reserveCapacity(schema.enums.count + schema.tables.count + 1)
        files[SupportFile.name + ".swift"] = render(SupportFile.declarations, header: header)
        for enumType in schema.enums {
            guard let typeName = names.enums[enumType.name], let file = names.files[typeName] else { continue }
            let declaration = EnumBuilder(type: enumType, typeName: typeName, schema: schema.name).declaration()
            files[file + ".swift"] = render([declaration], header: header)
        }
        // Each table's file depends on the table and the names alone: they are built and
        // rendered on all cores.
        let tableFiles = schema.tables.concurrentMap(chunks: 32) { table -> (path: String, bytes: [UInt8])? in
            guard let typeName = names.tables[table.name], let file = names.files[typeName] else { return nil }
            let model = ModelBuilder(table: table, typeName: typeName, enumNames: names.enums)
            return (file + ".swift", render(declarations(model, schema: schema), header: header))
        }
        for case let file? in tableFiles { files[file.path] = file.bytes }
        return files
    }

    /// The model struct, its table metadata, and its typed queries when it has any.
    static func declarations(_ model: ModelBuilder, schema: Schema) -> [SwiftDecl] {
        // The select list and the typed queries list the same columns, quoted once.
        let select = SelectItems(model.table)
        var declarations = [
            model.declaration(doc: TableDoc(table: model.table, schema: schema).lines),
            MetadataBuilder(model: model, schema: schema, select: select).declaration(),
        ]
        if let queries = QueryBuilder(model: model, schema: schema, select: select).declaration() {
            declarations.append(queries)
        }
        return declarations
    }

    static func render(_ declarations: [SwiftDecl], header: [String]) -> [UInt8] {
        SwiftRenderer.fileBytes(header: header, imports: ["Foundation"], declarations: declarations)
    }
}
