import SchemacIR

/// Column declarations → IR columns plus the constraints they imply.
extension TableTranslator {
    /// Adds a user-declared column and its unique/check/references/index to the table.
    func addColumn(_ decl: ColumnDecl, to builder: inout TableBuilder) {
        guard !builder.hasColumn(decl.name) else {
            error("duplicate-column", "column '\(decl.name)' is defined twice in '\(builder.table.logicalName)'", at: decl.location)
            return
        }
        if decl.primaryKey && builder.table.kind != .table {
            error("invalid-primary-key", "only plain tables take primary_key: a \(builder.table.kind.rawValue)'s primary key is its surrogate 'id'", at: decl.location)
        }
        var referenceTarget: ReferenceTarget?
        if let reference = decl.references { referenceTarget = target(named: reference) }
        guard let type = columnType(decl, reference: referenceTarget) else {
            markBroken(decl.name, in: builder.table.logicalName)
            return
        }
        var column = Column(name: decl.name, type: type, nullable: decl.nullable, identity: decl.identity, comment: decl.comment, location: decl.location)
        column.renamedFrom = decl.renamedFrom?.value
        if let value = decl.defaultValue { column.defaultValue = checkedDefault(value, type: type, decl) }
        checkIdentity(decl, type)
        builder.addColumn(column)
        let table = builder.name
        if decl.unique { builder.table.uniques.append(UniqueConstraint(name: ObjectName.unique(table, [decl.name]), columns: [decl.name])) }
        if let check = decl.check { builder.table.checks.append(CheckConstraint(name: ObjectName.check(table, decl.name), expression: check)) }
        if let target = referenceTarget, let reference = decl.references {
            if target.keyColumn == nil {
                error("invalid-reference", "'\(reference.value)' has no single-column primary key to reference", at: reference.location)
            }
            if decl.onDelete == .setNull && !decl.nullable {
                error("invalid-value", "on_delete 'set null' needs a nullable column ('\(decl.name)' is NOT NULL)", at: decl.location)
            }
            builder.addForeignKey(column: decl.name, target: target, onDelete: decl.onDelete, indexed: decl.index, location: decl.location)
        } else if decl.index == true {
            builder.indexRequests.append((decl.name, decl.location))
        }
    }

    private func columnType(_ decl: ColumnDecl, reference: ReferenceTarget?) -> ColumnType? {
        let referencedType = reference?.keyType
        guard let spelling = decl.type else {
            if reference != nil && referencedType == nil && reference?.keyColumn != nil {
                error("missing-type", "column '\(decl.name)' needs a type: the referenced key's type is unknown", at: decl.location)
            }
            return referencedType ?? (decl.references == nil ? nil : .bigint)
        }
        guard let type = resolveType(spelling) else { return nil }
        if let referencedType, referencedType != type {
            error("type-mismatch", "column '\(decl.name)' is \(type.canonical) but references a key of type \(referencedType.canonical)", at: spelling.location)
        }
        return type
    }

    /// Parses a type spelling and checks that an enum it names exists.
    func resolveType(_ spelling: Located<String>) -> ColumnType? {
        switch ColumnType.parse(spelling.value) {
        case let .failure(problem):
            var message = problem.message
            if spelling.value.filter({ $0 == "(" }).count != spelling.value.filter({ $0 == ")" }).count {
                message += ": a type with a comma inside { … } must be quoted, as in \"numeric(12,2)\""
            } else if problem.isUnknownName {
                message += Suggestions.hint(for: spelling.value.lowercased(), in: ColumnType.knownSpellings + enumNames)
            }
            error(problem.isUnknownName ? "unknown-type" : "invalid-type", message, at: spelling.location)
            return nil
        case let .success(type):
            if let name = type.enumName, enumType(named: name) == nil {
                let hint = Suggestions.hint(for: name, in: ColumnType.knownSpellings + enumNames)
                error("unknown-type", "unknown type '\(spelling.value)'\(hint)", at: spelling.location)
                return nil
            }
            return type
        }
    }

    /// The default in canonical form, or nil (reported) when it cannot be a value of the type.
    private func checkedDefault(_ value: ColumnDefault, type: ColumnType, _ decl: ColumnDecl) -> ColumnDefault? {
        guard case let .literal(text) = value else { return value }
        if case .boolean = type, ["true", "false"].contains(text.lowercased()) { return .literal(text.lowercased()) }
        let problem: String?
        if case let .enumeration(name) = type {
            let labels = enumType(named: name)?.values ?? []
            problem = labels.contains(text) ? nil : "is not a value of enum '\(name)'\(Suggestions.hint(for: text, in: labels))"
        } else {
            problem = DefaultLiteral.problem(text, for: type)
        }
        if let problem {
            error("invalid-default", "default '\(text)' of column '\(decl.name)' \(problem)", at: decl.defaultLocation ?? decl.location)
            return nil
        }
        return value
    }

    private func checkIdentity(_ decl: ColumnDecl, _ type: ColumnType) {
        guard decl.identity != nil else { return }
        if !type.isInteger { error("invalid-identity", "identity column '\(decl.name)' must be smallint, integer or bigint", at: decl.location) }
        if decl.nullable { error("invalid-identity", "identity column '\(decl.name)' cannot be nullable", at: decl.location) }
        if decl.defaultValue != nil { error("invalid-identity", "identity column '\(decl.name)' cannot have a default", at: decl.location) }
    }
}
