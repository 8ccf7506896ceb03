// Reading the IR back from a snapshot: the inverse of SnapshotEncoding.swift.
// Keys may come in any order; nil optionals may be absent or null; a missing
// required key, an unknown key or a value of the wrong kind is an error.
// `@SourceOnly` fields are never stored and come back nil.
//
// Each decoder asks for its keys in stored (sorted) order, like the encoder
// writes them: `JSONObject` resumes its search after the last key found, so
// then every lookup is a direct hit.

extension TableKind: SnapshotDecodable {}
extension History: SnapshotDecodable {}
extension Hierarchy.Maintenance: SnapshotDecodable {}
extension Identity: SnapshotDecodable {}
extension ReferentialAction: SnapshotDecodable {}
extension IndexKey.Order: SnapshotDecodable {}
extension IndexKey.Nulls: SnapshotDecodable {}

extension ColumnType: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        if let known = json.document.knownColumnType(at: json.index) {
            self = known
            return
        }
        switch ColumnType.parse(try String(json: json)) {
        case let .success(type): self = type
        case let .failure(problem): throw json.error(problem.message)
        }
        json.document.remember(self, readAt: json.index)
    }
}

extension Schema: SnapshotDecodable {
    /// Leaves canonicalization to the caller (`Snapshot.decode`).
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let enums: [EnumType] = try o.required("enums")
            let extensions: [String] = try o.required("extensions")
            let format: Int = try o.required("format")
            var schema = Schema(name: try o.required("name"))
            (schema.enums, schema.extensions, schema.format) = (enums, extensions, format)
            schema.tables = try o.required("tables")
            return schema
        }
    }
}

extension EnumType: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            EnumType(name: try o.required("name"), values: try o.required("values"))
        }
    }
}

extension Table: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            var table = Table(name: "", kind: .table)  // every field is set below
            table.checks = try o.required("checks")
            table.closure = try o.optional("closure")
            table.columns = try o.required("columns")
            table.comment = try o.optional("comment")
            table.dimension = try o.optional("dimension")
            table.exclusions = try o.required("exclusions")
            table.fact = try o.optional("fact")
            table.foreignKeys = try o.required("foreignKeys")
            table.indexes = try o.required("indexes")
            table.kind = try o.required("kind")
            table.logicalName = try o.required("logicalName")
            table.name = try o.required("name")
            table.primaryKey = try o.optional("primaryKey")
            table.uniques = try o.required("uniques")
            return table
        }
    }
}

extension DimensionInfo: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let businessKey: [String] = try o.required("businessKey")
            let hierarchy: Hierarchy? = try o.optional("hierarchy")
            return DimensionInfo(
                history: try o.required("history"), businessKey: businessKey, noOverlap: try o.required("noOverlap"), hierarchy: hierarchy)
        }
    }
}

extension Hierarchy: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let closureTable: String = try o.required("closureTable")
            let maintain: Maintenance = try o.required("maintain")
            return Hierarchy(parentColumn: try o.required("parentColumn"), closureTable: closureTable, maintain: maintain)
        }
    }
}

extension FactInfo: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let dimensionReferences: [DimensionReference] = try o.required("dimensionReferences")
            let grain: [String] = try o.required("grain")
            return FactInfo(dimensionReferences: dimensionReferences, measures: try o.required("measures"), grain: grain)
        }
    }
}

extension DimensionReference: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let column: String = try o.required("column")
            return DimensionReference(dimension: try o.required("dimension"), role: try o.optional("role"), column: column)
        }
    }
}

extension ClosureInfo: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            ClosureInfo(dimensionTable: try o.required("dimensionTable"))
        }
    }
}

extension Column: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let comment: String? = try o.optional("comment")
            let defaultValue: ColumnDefault? = try o.optional("default")
            let identity: Identity? = try o.optional("identity")
            return Column(
                name: try o.required("name"), type: try o.required("type") as ColumnType, nullable: try o.required("nullable"),
                defaultValue: defaultValue, identity: identity, comment: comment)
        }
    }
}

extension ColumnDefault: SnapshotDecodable {
    /// `{"literal": …}` or `{"sql": …}`: exactly one of the two.
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            switch (try o.optional("literal") as String?, try o.optional("sql") as String?) {
            case let (literal?, nil): .literal(literal)
            case let (nil, sql?): .sql(sql)
            default: throw json.error("expected exactly one of the keys \"literal\" and \"sql\"")
            }
        }
    }
}
