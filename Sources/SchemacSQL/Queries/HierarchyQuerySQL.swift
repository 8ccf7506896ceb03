import SchemacIR

/// The typed queries of a dimension with a closure hierarchy. They read the closure
/// table, whose rows (ancestor, descendant, depth) include every node's self row at
/// depth 0, so none of them recurses.
///
/// On an SCD2 dimension the nodes are version rows. Closed versions stay linked to
/// the parent they had, so descendants and children are limited to current versions;
/// ancestors and the path to the root follow the parent links of the version given.
public struct HierarchyQuerySQL: Sendable {
    let table: Table
    let hierarchy: Hierarchy
    let schema: String
    let select: SelectItems
    /// `SELECT n.<every column>, c.depth`: three queries share it.
    private let nodeSelect: String
    /// The quoted names every query uses, quoted once.
    private let dimension: String
    private let closure: String
    private let key: String
    private let parent: String

    /// nil unless `table` is a dimension with a hierarchy.
    public init?(_ table: Table, schema: String) {
        self.init(SelectItems(table), schema: schema)
    }

    /// nil unless `select.table` is a dimension with a hierarchy.
    public init?(_ select: SelectItems, schema: String) {
        guard let hierarchy = select.table.dimension?.hierarchy else { return nil }
        table = select.table
        self.hierarchy = hierarchy
        self.schema = schema
        self.select = select
        let alias = SQLIdentifier.quote(QuerySQL.depthAlias(select.table))
        nodeSelect = select.select(qualifier: "n", extra: [alias == "depth" ? "c.depth" : "c.depth AS \(alias)"])
        dimension = SQLIdentifier.qualified(schema, select.table.name)
        closure = SQLIdentifier.qualified(schema, hierarchy.closureTable)
        key = SQLIdentifier.quote(select.table.primaryKey?.columns.first ?? "id")
        parent = SQLIdentifier.quote(hierarchy.parentColumn)
    }

    private var isVersioned: Bool { table.dimension?.history == .scd2 }
    private var keyParameter: QueryParameter { QueryParameter(name: "node_id", type: .bigint) }

    /// The nodes below the given one, nearest first, with their distance from it.
    public func descendants() -> QueryStatement {
        related(join: "descendant_id", start: "ancestor_id", includeStart: false, currentOnly: isVersioned, order: "c.depth, n.\(key)")
    }

    /// The nodes above the given one, nearest first, with their distance from it.
    public func ancestors() -> QueryStatement {
        related(join: "ancestor_id", start: "descendant_id", includeStart: false, currentOnly: false, order: "c.depth")
    }

    /// The given node (depth 0), its parent (depth 1), … up to the root (the greatest depth).
    public func pathToRoot() -> QueryStatement {
        related(join: "ancestor_id", start: "descendant_id", includeStart: true, currentOnly: false, order: "c.depth")
    }

    /// The nodes whose parent is the given one, by key.
    public func children() -> QueryStatement {
        let current = isVersioned ? " AND is_current" : ""
        let sql = """
            \(select.select())
            FROM \(dimension)
            WHERE \(parent) = $1\(current)
            ORDER BY \(key)
            """
        return QueryStatement(sql: sql, parameters: [keyParameter])
    }

    /// Moves a node, with its subtree, under a new parent (NULL: it becomes a root). The
    /// closure triggers relink the subtree and reject a move under the node's own subtree.
    public func moveSubtree() -> QueryStatement {
        let sql = """
            UPDATE \(dimension)
            SET \(parent) = $2, updated_at = now()
            WHERE \(key) = $1
            \(QuerySQL.wrapped(select.items, first: "RETURNING "))
            """
        let newParent = QueryParameter(name: "new_parent_id", type: .bigint, nullable: true)
        return QueryStatement(sql: sql, parameters: [keyParameter, newParent])
    }

    /// Nodes linked to the start node `$1` through the closure table: `start` is the
    /// closure column holding the start node, `join` the one holding the related node.
    private func related(join: String, start: String, includeStart: Bool, currentOnly: Bool, order: String) -> QueryStatement {
        var conditions = ["c.\(start) = $1"]
        if !includeStart { conditions.append("c.depth > 0") }
        if currentOnly { conditions.append("n.is_current") }
        let sql = """
            \(nodeSelect)
            FROM \(closure) AS c
            JOIN \(dimension) AS n ON n.\(key) = c.\(join)
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(order)
            """
        return QueryStatement(sql: sql, parameters: [keyParameter])
    }
}
