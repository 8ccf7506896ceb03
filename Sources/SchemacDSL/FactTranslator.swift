import SchemacIR

/// Facts (dimension references, measures, grain) and plain tables.
extension TableTranslator {
    func translateFact(_ decl: FactDecl) -> Table? {
        let body = decl.body
        var builder = startTable(body, kind: .fact)
        builder.addColumn(Column(name: "id", type: .bigint, identity: .always))
        builder.table.primaryKey = PrimaryKey(name: ObjectName.primaryKey(builder.name), columns: ["id"])
        let references = addDimensionReferences(decl, &builder)
        let reserved = ["id", "created_at"]
        for column in body.columns + decl.measures {
            if reserved.contains(column.name) {
                error("reserved-column", "column '\(column.name)' is added by schemac to every fact; remove it", at: column.location)
                continue
            }
            addColumn(column, to: &builder)
        }
        builder.addColumn(Column(name: "created_at", type: .timestamptz, defaultValue: .sql("now()")))
        let grain = resolveGrain(decl, references, builder.table)
        if !grain.isEmpty {
            builder.table.uniques.append(UniqueConstraint(name: ObjectName.unique(builder.name, grain), columns: grain))
        }
        builder.table.fact = FactInfo(dimensionReferences: references, measures: decl.measures.map(\.name), grain: grain)
        finishBody(body, &builder)
        return builder.finish()
    }

    private func addDimensionReferences(_ decl: FactDecl, _ builder: inout TableBuilder) -> [DimensionReference] {
        var references: [DimensionReference] = []
        for ref in decl.dimensions {
            guard let target = target(named: ref.dimension) else { continue }
            guard target.kind == .dimension else {
                error("invalid-reference", "'\(ref.dimension.value)' is a \(target.kind.rawValue), not a dimension", at: ref.dimension.location)
                continue
            }
            let column = ref.columnName
            guard !builder.hasColumn(column) else {
                error("duplicate-column", "dimension '\(ref.dimension.value)' is referenced twice as '\(column)'; give one a role", at: (ref.role ?? ref.dimension).location)
                continue
            }
            var idColumn = Column(name: column, type: .bigint, location: ref.dimension.location)
            // The `<dimension>_id` column follows a dimension rename.
            if ref.role == nil, let old = dimensionDecl(named: ref.dimension.value)?.body.renamedFrom {
                idColumn.renamedFrom = old.value + "_id"
            }
            builder.addColumn(idColumn)
            builder.addForeignKey(column: column, target: target, onDelete: nil, indexed: nil, location: ref.dimension.location)
            references.append(DimensionReference(dimension: ref.dimension.value, role: ref.role?.value, column: column))
        }
        return references
    }

    private func dimensionDecl(named name: String) -> DimensionDecl? {
        scope.dimensionIndex[name].map { decls.dimensions[$0] }
    }

    /// Grain entries name a dimension (without role), a role, or a column.
    private func resolveGrain(_ decl: FactDecl, _ references: [DimensionReference], _ table: Table) -> [String] {
        var columns: [String] = []
        for entry in decl.grain {
            let column: String
            if let ref = references.first(where: { $0.role == entry.value }) ?? references.first(where: { $0.role == nil && $0.dimension == entry.value }) {
                column = ref.column
            } else if table.column(named: entry.value) != nil {
                column = entry.value
            } else if isBroken(entry.value, in: table.logicalName) {
                continue
            } else {
                let candidates = references.map { $0.role ?? $0.dimension } + table.columns.map(\.name)
                error("unknown-column", "grain names '\(entry.value)', which is neither a dimension, a role nor a column of '\(table.logicalName)'\(Suggestions.hint(for: entry.value, in: candidates))", at: entry.location)
                continue
            }
            if columns.contains(column) {
                error("duplicate-column", "grain lists '\(entry.value)' twice", at: entry.location)
            } else {
                columns.append(column)
            }
        }
        return columns
    }

    func translatePlainTable(_ body: TableBody) -> Table? {
        var builder = startTable(body, kind: .table)
        for column in body.columns { addColumn(column, to: &builder) }
        let keys = body.columns.filter(\.primaryKey).map(\.name).filter { builder.hasColumn($0) }
        if !keys.isEmpty {
            builder.table.primaryKey = PrimaryKey(name: ObjectName.primaryKey(builder.name), columns: keys)
            for key in body.columns where key.primaryKey && key.nullable {
                error("invalid-primary-key", "primary key column '\(key.name)' cannot be nullable", at: key.location)
            }
        }
        finishBody(body, &builder)
        return builder.finish()
    }
}
