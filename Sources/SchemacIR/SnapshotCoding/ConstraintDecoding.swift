// Snapshot decoding of constraints and indexes (see SnapshotDecoding.swift).

extension PrimaryKey: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let columns: [String] = try o.required("columns")
            return PrimaryKey(name: try o.required("name"), columns: columns)
        }
    }
}

extension UniqueConstraint: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let columns: [String] = try o.required("columns")
            return UniqueConstraint(name: try o.required("name"), columns: columns)
        }
    }
}

extension CheckConstraint: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let expression: String = try o.required("expression")
            return CheckConstraint(name: try o.required("name"), expression: expression)
        }
    }
}

extension ForeignKey: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let columns: [String] = try o.required("columns")
            let name: String = try o.required("name")
            let onDelete: ReferentialAction? = try o.optional("onDelete")
            let referencedColumns: [String] = try o.required("referencedColumns")
            return ForeignKey(
                name: name, columns: columns, referencedTable: try o.required("referencedTable"), referencedColumns: referencedColumns,
                onDelete: onDelete)
        }
    }
}

extension ExclusionConstraint: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let elements: [Element] = try o.required("elements")
            return ExclusionConstraint(
                name: try o.required("name"), method: try o.required("method"), elements: elements, predicate: try o.optional("predicate"))
        }
    }
}

extension ExclusionConstraint.Element: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            ExclusionConstraint.Element(expression: try o.required("expression"), operator: try o.required("operator"))
        }
    }
}

extension Index: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let include: [String] = try o.required("include")
            let keys: [IndexKey] = try o.required("keys")
            let method: String = try o.required("method")
            let name: String = try o.required("name")
            let predicate: String? = try o.optional("predicate")
            return Index(name: name, unique: try o.required("unique"), method: method, keys: keys, include: include, predicate: predicate)
        }
    }
}

extension IndexKey: SnapshotDecodable {
    /// `column` or `expression` (exactly one); `order` defaults to `asc`.
    init(json: JSONValue) throws(SnapshotDecodingError) {
        self = try json.object { o throws(SnapshotDecodingError) in
            let target: Target
            switch (try o.optional("column") as String?, try o.optional("expression") as String?) {
            case let (column?, nil): target = .column(column)
            case let (nil, expression?): target = .expression(expression)
            default: throw json.error("expected exactly one of the keys \"column\" and \"expression\"")
            }
            let nulls: Nulls? = try o.optional("nulls")
            return IndexKey(target, order: try o.optional("order") ?? .asc, nulls: nulls)
        }
    }
}
