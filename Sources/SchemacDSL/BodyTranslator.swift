import SchemacIR

/// The parts dimensions, facts and plain tables share: checks, indexes, comments.
extension TableTranslator {
    func startTable(_ body: TableBody, kind: TableKind) -> TableBuilder {
        let physical = physicalName(kind, body.name)
        checkPhysicalName(physical, body.location)
        var builder = TableBuilder(name: physical, logicalName: body.name, kind: kind, location: body.location)
        builder.table.comment = body.comment
        builder.table.renamedFrom = body.renamedFrom.map { naming.tableName(for: kind, $0.value) }
        return builder
    }

    /// The name `collectTargets` already derived from the naming pattern, when it
    /// was derived for this kind (a name clash across kinds is reported elsewhere).
    private func physicalName(_ kind: TableKind, _ name: String) -> String {
        if let target = targets[name], target.kind == kind { return target.table }
        return naming.tableName(for: kind, name)
    }

    func checkPhysicalName(_ name: String, _ location: SourceLocation) {
        if name.utf8.count > ObjectName.maxBytes {
            error("identifier-too-long", "table name '\(name)' is longer than PostgreSQL's 63 bytes", at: location)
        } else if !name.isIdentifier {
            error("invalid-identifier", "table name '\(name)' (from the naming pattern) is not a valid identifier", at: location)
        }
    }

    /// Table-level checks and indexes; call once every column is in place.
    func finishBody(_ body: TableBody, _ builder: inout TableBuilder) {
        for check in body.checks {
            builder.table.checks.append(CheckConstraint(name: ObjectName.check(builder.name, check.name), expression: check.expression))
        }
        for index in body.indexes {
            if let translated = translateIndex(index, builder.table) { builder.addIndex(translated) }
        }
    }

    /// Reports a column name that is not in the table, with a suggestion.
    func checkColumn(_ name: Located<String>, in table: Table, _ what: String) -> Bool {
        if table.column(named: name.value) != nil { return true }
        if isBroken(name.value, in: table.logicalName) { return false }
        let hint = Suggestions.hint(for: name.value, in: table.columns.map(\.name))
        error("unknown-column", "\(what) names unknown column '\(name.value)' of '\(table.logicalName)'\(hint)", at: name.location)
        return false
    }

    private func translateIndex(_ decl: IndexDecl, _ table: Table) -> Index? {
        var keys: [IndexKey] = []
        var nameParts: [String] = []
        for column in decl.columns {
            guard let key = parseIndexKey(column) else { return nil }
            guard checkColumn(Located(key.column, column.location), in: table, "index") else { return nil }
            keys.append(IndexKey(.column(key.column), order: key.order, nulls: key.nulls))
            nameParts.append(key.column)
        }
        if let expression = decl.expression {
            keys.append(IndexKey(.expression(expression)))
            nameParts.append(ObjectName.slug(ofExpression: expression))
        }
        for column in decl.include where !checkColumn(column, in: table, "index include") { return nil }
        let name = decl.name?.value ?? (decl.unique ? ObjectName.unique(table.name, nameParts) : ObjectName.index(table.name, nameParts))
        return Index(
            name: name, unique: decl.unique, method: decl.method, keys: keys, include: decl.include.map(\.value),
            predicate: decl.predicate, location: decl.location)
    }

    /// `entry_date DESC NULLS LAST` → column, order, nulls.
    private func parseIndexKey(_ text: Located<String>) -> (column: String, order: IndexKey.Order, nulls: IndexKey.Nulls?)? {
        // Nearly every key is a bare column name: skip splitting and lowercasing.
        if !text.value.isEmpty && !text.value.utf8.contains(UInt8(ascii: " ")) { return (text.value, .asc, nil) }
        let words = text.value.split(separator: " ").map { String($0) }
        guard let column = words.first else { return nil }
        var rest = words.dropFirst().map { $0.lowercased() }
        var order = IndexKey.Order.asc
        var nulls: IndexKey.Nulls?
        if let first = rest.first, let parsed = IndexKey.Order(rawValue: first) {
            order = parsed
            rest.removeFirst()
        }
        if rest.count == 2, rest[0] == "nulls", let parsed = IndexKey.Nulls(rawValue: rest[1]) {
            nulls = parsed
            rest.removeAll()
        }
        guard rest.isEmpty else {
            error("invalid-index", "invalid index column '\(text.value)': expected 'column [ASC|DESC] [NULLS FIRST|LAST]'", at: text.location)
            return nil
        }
        return (column, order, nulls)
    }
}

/// The check across all tables, once they are translated.
extension Translator {
    /// Indexes, primary keys, unique and exclusion constraints and tables share
    /// PostgreSQL's relation namespace within a schema; other constraint names
    /// must be unique per table.
    func checkRelationNames(_ tables: [Table]) {
        var relations: [String: RelationOwner] = [:]
        relations.reserveCapacity(tables.reduce(0) { $0 + $1.indexes.count + $1.uniques.count + $1.exclusions.count + 2 })
        func claim(_ name: String, _ owner: RelationOwner, _ location: SourceLocation?) {
            // One hash per name: a clash (rare) puts the first owner back.
            if let first = relations.updateValue(owner, forKey: name) {
                relations[name] = first
                error("duplicate-name", "name '\(name)' of \(owner) is already used by \(first)", at: location)
            }
        }
        for table in tables { claim(table.name, .table(table.name), table.location) }
        for table in tables {
            for index in table.indexes { claim(index.name, .index(of: table.logicalName), index.location ?? table.location) }
            // Sized up front: growing a set from empty rehashes it several times.
            var constraintNames = Set<String>(minimumCapacity: table.constraintCount)
            // The order of `Table.constraints`, without building that array for every table.
            func constraint(_ name: String, isRelation: Bool) {
                if isRelation { claim(name, .constraint(of: table.logicalName), table.location) }
                if !constraintNames.insert(name).inserted {
                    error("duplicate-name", "constraint name '\(name)' is used twice in '\(table.logicalName)'", at: table.location)
                }
            }
            if let primaryKey = table.primaryKey { constraint(primaryKey.name, isRelation: true) }
            for unique in table.uniques { constraint(unique.name, isRelation: true) }
            for check in table.checks { constraint(check.name, isRelation: false) }
            for foreignKey in table.foreignKeys { constraint(foreignKey.name, isRelation: false) }
            for exclusion in table.exclusions { constraint(exclusion.name, isRelation: true) }
        }
    }
}

/// Who holds a relation name, described only when a clash is reported:
/// formatting it for every index and constraint would cost more than the check.
private enum RelationOwner: CustomStringConvertible {
    case table(String)
    case index(of: String)
    case constraint(of: String)

    var description: String {
        switch self {
        case let .table(name): "table '\(name)'"
        case let .index(of: table): "an index of '\(table)'"
        case let .constraint(of: table): "a constraint of '\(table)'"
        }
    }
}

extension Table {
    /// How many constraints `Table.constraints` would list.
    fileprivate var constraintCount: Int {
        (primaryKey == nil ? 0 : 1) + uniques.count + checks.count + foreignKeys.count + exclusions.count
    }
}
