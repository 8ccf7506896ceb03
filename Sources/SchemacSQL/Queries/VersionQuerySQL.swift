import SchemacIR

/// The typed queries of an SCD2 dimension: the current version by business key, the
/// version valid at a point in time, and recording a new version.
public struct VersionQuerySQL: Sendable {
    /// Columns schemac adds to every dimension and fills itself; a new version
    /// takes every other column from its parameters.
    /// (Six names: comparing with each costs less than hashing.)
    static let generatedColumns = ["id", "created_at", "updated_at", "valid_from", "valid_to", "is_current"]

    let table: Table
    let info: DimensionInfo
    let schema: String
    /// The quoted column names.
    private let select: SelectItems
    /// `SELECT <every column>`: three queries share it, and a warehouse has thousands of them.
    private let selectClause: String
    /// The business key's columns (indices into `table.columns`), in key order.
    private let keyColumns: [Int]
    /// `key1 = $1 AND key2 = $2`, the key columns being the first parameters (two queries share it).
    private let keyMatch: String

    /// nil unless `table` is an SCD2 dimension.
    public init?(_ table: Table, schema: String) {
        self.init(SelectItems(table), schema: schema)
    }

    /// nil unless `select.table` is an SCD2 dimension.
    public init?(_ select: SelectItems, schema: String) {
        guard let info = select.table.dimension, info.history == .scd2, !info.businessKey.isEmpty else { return nil }
        table = select.table
        self.info = info
        self.schema = schema
        self.select = select
        selectClause = select.select()
        let keyColumns = info.businessKey.compactMap(select.columnIndex)
        self.keyColumns = keyColumns
        keyMatch = keyColumns.enumerated().map { offset, column in
            select.names[column] + " = " + QuerySQL.placeholder(offset + 1, type: select.table.columns[column].type, schema: schema)
        }.joined(separator: " AND ")
    }

    private var qualifiedTable: String { SQLIdentifier.qualified(schema, table.name) }

    private var keyParameters: [QueryParameter] { keyColumns.map { QueryParameter(table.columns[$0]) } }

    /// The current version of the row with the given business key (at most one, by the
    /// partial unique index on the key).
    public func currentVersion() -> QueryStatement {
        let sql = """
            \(selectClause)
            FROM \(qualifiedTable)
            WHERE \(keyMatch) AND is_current
            """
        return QueryStatement(sql: sql, parameters: keyParameters)
    }

    /// The version valid at a point in time: validity ranges are half-open, so at the
    /// instant one version ends and the next begins, the next one is found.
    public func versionAt() -> QueryStatement {
        let at = "$\(keyColumns.count + 1)"
        let sql = """
            \(selectClause)
            FROM \(qualifiedTable)
            WHERE \(keyMatch) AND valid_from <= \(at) AND \(at) < valid_to
            """
        return QueryStatement(sql: sql, parameters: keyParameters + [QueryParameter(name: "at", type: .timestamptz)])
    }

    /// The columns a new version takes from its parameters (indices into
    /// `table.columns`), in table order.
    var versionedColumns: [Int] {
        table.columns.indices.filter { !Self.generatedColumns.contains(table.columns[$0].name) && table.columns[$0].identity == nil }
    }

    /// Closes the current version (if any) at `valid_from` and inserts the new one from
    /// then on, in one statement; with a hierarchy, the closed version's current children
    /// are re-pointed to the new version. Returns the new version.
    ///
    /// The data-modifying CTEs of one statement run in no guaranteed order, but a CTE
    /// that reads another's output runs after it: the INSERT reads the UPDATE's row count,
    /// so the old version is closed before the new one meets the partial unique index
    /// ("one current version per key") and the no-overlap exclusion constraint.
    public func recordVersion() -> QueryStatement {
        let columns = versionedColumns
        let parameters = columns.map { QueryParameter(table.columns[$0]) } + [QueryParameter(name: "valid_from", type: .timestamptz)]
        var ctes = [closeCurrent(columns, validFrom: parameters.count), insertNext(columns, validFrom: parameters.count)]
        if let hierarchy = info.hierarchy { ctes.append(repointChildren(hierarchy)) }
        let sql = "WITH " + ctes.joined(separator: ", ") + "\n" + selectClause + "\nFROM inserted"
        return QueryStatement(sql: sql, parameters: parameters)
    }

    /// `$n`, cast as needed, for the versioned column at `index`.
    private func value(_ columns: [Int], _ index: Int) -> String {
        QuerySQL.placeholder(index + 1, type: table.columns[columns[index]].type, schema: schema)
    }

    /// Ends the current version at `$validFrom`; the business key is among the versioned
    /// columns, so the WHERE reuses their parameters.
    private func closeCurrent(_ columns: [Int], validFrom: Int) -> String {
        let keyMatch = keyColumns.compactMap { key in
            columns.firstIndex(of: key).map { select.names[key] + " = " + value(columns, $0) }
        }.joined(separator: " AND ")
        return """
            closed AS (
                UPDATE \(qualifiedTable)
                SET valid_to = $\(validFrom), is_current = false, updated_at = now()
                WHERE \(keyMatch) AND is_current
                RETURNING id
            )
            """
    }

    /// Inserts the new version, valid from `$validFrom`.
    private func insertNext(_ columns: [Int], validFrom: Int) -> String {
        // The closing parenthesis rides on the last column, so the list can wrap.
        let names = columns.map { select.names[$0] } + ["valid_from)"]
        let values = columns.indices.map { value(columns, $0) } + ["$\(validFrom)"]
        return """
            inserted AS (
                -- Reading closed's output makes the UPDATE above run first.
                \(QuerySQL.wrapped(names, first: "INSERT INTO \(qualifiedTable) (", indent: "        "))
                \(QuerySQL.wrapped(values, first: "SELECT ", indent: "        "))
                FROM (SELECT count(*) FROM closed) AS previous
                RETURNING *
            )
            """
    }

    /// The current children of the closed version move to the new version, so the
    /// current rows keep forming the current tree; closed children keep their parent.
    private func repointChildren(_ hierarchy: Hierarchy) -> String {
        let parent = SQLIdentifier.quote(hierarchy.parentColumn)
        return """
            repointed AS (
                UPDATE \(qualifiedTable) AS child
                SET \(parent) = inserted.id, updated_at = now()
                FROM closed, inserted
                WHERE child.\(parent) = closed.id AND child.is_current
            )
            """
    }
}
