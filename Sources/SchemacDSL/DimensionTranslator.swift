import SchemacIR

/// A dimension → its table (surrogate key, SCD2 history, parent column) and,
/// with a hierarchy, its closure table.
extension TableTranslator {
    static let timestampColumns = ["created_at", "updated_at"]
    static let scd2Columns = ["valid_from", "valid_to", "is_current"]

    func translateDimension(_ decl: DimensionDecl) -> [Table] {
        let body = decl.body
        var builder = startTable(body, kind: .dimension)
        let reserved = ["id"] + Self.timestampColumns + (decl.history == .scd2 ? Self.scd2Columns : [])
        builder.addColumn(Column(name: "id", type: .bigint, identity: .always))
        for column in body.columns {
            if reserved.contains(column.name) {
                error("reserved-column", "column '\(column.name)' is added by schemac to every \(decl.history.rawValue) dimension; remove it", at: column.location)
                continue
            }
            addColumn(column, to: &builder)
        }
        builder.table.primaryKey = PrimaryKey(name: ObjectName.primaryKey(builder.name), columns: ["id"])
        let hierarchy = decl.hierarchy.flatMap { addParent($0, body, &builder) }
        if decl.history == .scd2 { addHistoryColumns(&builder) }
        for name in Self.timestampColumns {
            builder.addColumn(Column(name: name, type: .timestamptz, defaultValue: .sql("now()")))
        }
        let key = businessKey(decl, builder.table)
        if decl.history == .scd2 {
            addHistoryConstraints(key, noOverlap: decl.noOverlap, &builder)
        } else if !key.isEmpty {
            builder.table.uniques.append(UniqueConstraint(name: ObjectName.unique(builder.name, key), columns: key))
        }
        builder.table.dimension = DimensionInfo(history: decl.history, businessKey: key, noOverlap: decl.noOverlap, hierarchy: hierarchy)
        finishBody(body, &builder)
        let dimension = builder.finish()
        guard let hierarchy else { return [dimension] }
        return [dimension, closureTable(for: dimension, hierarchy, decl.hierarchy?.location ?? body.location)]
    }

    /// Types btree_gist gives an equality operator class for (PostgreSQL 15).
    static func gistSupports(_ type: ColumnType) -> Bool {
        switch type {
        case .json, .jsonb, .array: false
        default: true
        }
    }

    private func businessKey(_ decl: DimensionDecl, _ table: Table) -> [String] {
        if decl.history == .scd2 && decl.key.isEmpty {
            error("missing-key", "dimension '\(decl.body.name)' has history scd2 but no business key ('key')", at: decl.body.location)
        }
        var key: [String] = []
        for column in decl.key where checkColumn(column, in: table, "key") {
            if key.contains(column.value) {
                error("duplicate-column", "key lists '\(column.value)' twice", at: column.location)
                continue
            }
            guard let keyColumn = table.column(named: column.value) else { continue }
            // UNIQUE and the exclusion constraint treat NULLs as distinct: a NULL key
            // would let two current versions of "the same" member through.
            if keyColumn.nullable {
                error("nullable-key", "business key column '\(column.value)' must not be nullable", at: column.location)
            }
            if decl.noOverlap, !Self.gistSupports(keyColumn.type) {
                error("invalid-key", "no_overlap needs key columns btree_gist can index; '\(column.value)' is \(keyColumn.type.canonical)", at: column.location)
            }
            key.append(column.value)
        }
        return key
    }

    /// Adds (or adopts) the parent column and its self-reference.
    private func addParent(_ decl: HierarchyDecl, _ body: TableBody, _ builder: inout TableBuilder) -> Hierarchy? {
        let parent = decl.parent?.value ?? "parent_id"
        if let existing = builder.table.column(named: parent) {
            guard existing.type == .bigint else {
                error("type-mismatch", "parent column '\(parent)' must be bigint, the type of 'id'", at: existing.location ?? decl.location)
                return nil
            }
            if !existing.nullable {
                error("invalid-hierarchy", "parent column '\(parent)' must be nullable: roots have no parent", at: existing.location ?? decl.location)
            }
            builder.table.foreignKeys.removeAll { $0.columns == [parent] }
        } else {
            builder.addColumn(Column(name: parent, type: .bigint, nullable: true))
        }
        let selfTarget = ReferenceTarget(kind: .dimension, table: builder.name, keyColumn: "id", keyType: .bigint)
        builder.addForeignKey(column: parent, target: selfTarget, onDelete: .restrict, indexed: true, location: decl.location)
        let closureName = decl.closureTable?.value ?? naming.tableName(for: .closure, builder.name)
        checkPhysicalName(closureName, decl.closureTable?.location ?? decl.location)
        return Hierarchy(parentColumn: parent, closureTable: closureName, maintain: decl.maintain)
    }

    private func addHistoryColumns(_ builder: inout TableBuilder) {
        builder.addColumn(Column(name: "valid_from", type: .timestamptz, defaultValue: .sql("now()")))
        builder.addColumn(Column(name: "valid_to", type: .timestamptz, defaultValue: .literal("infinity")))
        builder.addColumn(Column(name: "is_current", type: .boolean, defaultValue: .literal("true")))
    }

    private func addHistoryConstraints(_ key: [String], noOverlap: Bool, _ builder: inout TableBuilder) {
        let table = builder.name
        builder.table.checks.append(CheckConstraint(name: ObjectName.check(table, "valid_range"), expression: "valid_from < valid_to"))
        guard !key.isEmpty else { return }
        builder.addIndex(Index(name: ObjectName.unique(table, key + ["current"]), unique: true, keys: key.map { .column($0) }, predicate: "is_current"))
        builder.addIndex(Index(name: ObjectName.index(table, key + ["valid_from"]), keys: (key + ["valid_from"]).map { .column($0) }))
        if noOverlap {
            requireExtension("btree_gist")
            let elements = key.map { ExclusionConstraint.Element(expression: $0, operator: "=") }
                + [ExclusionConstraint.Element(expression: "tstzrange(valid_from, valid_to, '[)')", operator: "&&")]
            builder.table.exclusions.append(ExclusionConstraint(name: ObjectName.exclusion(table, "no_overlap"), method: "gist", elements: elements))
        }
    }

    private func closureTable(for dimension: Table, _ hierarchy: Hierarchy, _ location: SourceLocation) -> Table {
        let name = hierarchy.closureTable
        var table = Table(name: name, logicalName: name, kind: .closure)
        table.location = location
        table.closure = ClosureInfo(dimensionTable: dimension.name)
        table.columns = [
            Column(name: "ancestor_id", type: .bigint), Column(name: "descendant_id", type: .bigint), Column(name: "depth", type: .integer),
        ]
        table.primaryKey = PrimaryKey(name: ObjectName.primaryKey(name), columns: ["ancestor_id", "descendant_id"])
        table.checks = [CheckConstraint(name: ObjectName.check(name, "depth"), expression: "depth >= 0")]
        table.foreignKeys = ["ancestor_id", "descendant_id"].map {
            ForeignKey(name: ObjectName.foreignKey(name, $0), columns: [$0], referencedTable: dimension.name, referencedColumns: ["id"], onDelete: .cascade)
        }
        table.indexes = ["ancestor_id", "descendant_id"].map {
            Index(name: ObjectName.index(name, [$0, "depth"]), keys: [.column($0), .column("depth")])
        }
        if let old = dimension.renamedFrom, hierarchy.closureTable == naming.tableName(for: .closure, dimension.name) {
            table.renamedFrom = naming.tableName(for: .closure, old)
        }
        table.canonicalize()
        return table
    }
}
