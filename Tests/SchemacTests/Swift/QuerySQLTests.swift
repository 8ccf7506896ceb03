import SchemacIR
import Testing

@testable import SchemacSQL

/// The SQL of the typed queries. Their behaviour on real data is checked by
/// SwiftRoundTripTests; these pin the text and the parameter lists.
@Suite struct QuerySQLTests {
    /// A versioned dimension with a hierarchy, an enum key part and a reserved-word column.
    static var item: Table {
        var table = Table(
            name: "t_d_item", logicalName: "item", kind: .dimension,
            columns: [
                Column(name: "id", type: .bigint, identity: .always),
                Column(name: "order", type: .varchar(10)),
                Column(name: "kind", type: .enumeration("item_kind")),
                Column(name: "opens", type: .time, nullable: true),
                Column(name: "tags", type: .array(.enumeration("item_kind"))),
                Column(name: "depth", type: .integer),
                Column(name: "parent_id", type: .bigint, nullable: true),
                Column(name: "valid_from", type: .timestamptz),
                Column(name: "valid_to", type: .timestamptz),
                Column(name: "is_current", type: .boolean),
                Column(name: "created_at", type: .timestamptz),
                Column(name: "updated_at", type: .timestamptz),
            ])
        table.primaryKey = PrimaryKey(name: "pk_t_d_item", columns: ["id"])
        table.dimension = DimensionInfo(
            history: .scd2, businessKey: ["order", "kind"],
            hierarchy: Hierarchy(parentColumn: "parent_id", closureTable: "t_d_item_hierarchy"))
        return table
    }

    static let versions = VersionQuerySQL(item, schema: "shop")!
    static let hierarchy = HierarchyQuerySQL(item, schema: "shop")!

    @Test func selectListReadsTimeAndEnumArraysAsText() {
        #expect(
            QuerySQL.selectList(Self.item) == """
                id, "order", kind, opens::text AS opens, tags::text[] AS tags, depth, parent_id, valid_from,
                valid_to, is_current, created_at, updated_at
                """)
    }

    @Test func currentVersionMatchesTheWholeKeyWithCasts() {
        let query = Self.versions.currentVersion()
        #expect(query.sql.hasSuffix("WHERE \"order\" = $1 AND kind = $2::shop.item_kind AND is_current"))
        #expect(query.parameters.map(\.name) == ["order", "kind"])
    }

    @Test func versionAtUsesHalfOpenRanges() {
        let query = Self.versions.versionAt()
        #expect(query.sql.hasSuffix("AND valid_from <= $3 AND $3 < valid_to"))
        #expect(query.parameters.last == QueryParameter(name: "at", type: .timestamptz))
    }

    @Test func recordVersionInsertsAfterClosingAndRepointsChildren() {
        let query = Self.versions.recordVersion()
        #expect(query.parameters.map(\.name) == ["order", "kind", "opens", "tags", "depth", "parent_id", "valid_from"])
        #expect(query.sql.contains("SET valid_to = $7, is_current = false, updated_at = now()"))
        #expect(query.sql.contains("WHERE \"order\" = $1 AND kind = $2::shop.item_kind AND is_current"))
        #expect(query.sql.contains("SELECT $1, $2::shop.item_kind, $3::time, $4::text[]::shop.item_kind[], $5, $6, $7"))
        #expect(query.sql.contains("FROM (SELECT count(*) FROM closed) AS previous"))
        #expect(query.sql.contains("WHERE child.parent_id = closed.id AND child.is_current"))
        #expect(query.sql.hasSuffix("FROM inserted"))
    }

    @Test func recordVersionWithoutHierarchyHasNoRepointing() {
        var table = Self.item
        table.dimension?.hierarchy = nil
        let sql = VersionQuerySQL(table, schema: "shop")!.recordVersion().sql
        #expect(!sql.contains("repointed"))
    }

    @Test func onlyVersionedDimensionsHaveVersionQueries() {
        var table = Self.item
        table.dimension?.history = .scd1
        #expect(VersionQuerySQL(table, schema: "shop") == nil)
        #expect(HierarchyQuerySQL(table, schema: "shop") != nil)
    }

    @Test func hierarchyQueriesRenameTheDepthThatACollumnTakes() {
        let sql = Self.hierarchy.descendants().sql
        #expect(sql.contains("c.depth AS closure_depth"))
        #expect(sql.contains("WHERE c.ancestor_id = $1 AND c.depth > 0 AND n.is_current"))
        #expect(QuerySQL.depthAlias(Self.item) == "closure_depth")
    }

    @Test func pathToRootIncludesTheNodeAndAncestorsDoNot() {
        #expect(Self.hierarchy.pathToRoot().sql.contains("WHERE c.descendant_id = $1\nORDER BY c.depth"))
        #expect(Self.hierarchy.ancestors().sql.contains("WHERE c.descendant_id = $1 AND c.depth > 0\n"))
    }

    @Test func moveSubtreeUpdatesTheParent() {
        let query = Self.hierarchy.moveSubtree()
        #expect(query.sql.hasPrefix("UPDATE shop.t_d_item\nSET parent_id = $2, updated_at = now()\nWHERE id = $1\nRETURNING id,"))
        #expect(query.parameters.map(\.nullable) == [false, true])
    }

    @Test func placeholdersCastOnlyWhatTextCannotReach() {
        #expect(QuerySQL.placeholder(1, type: .varchar(3), schema: "s") == "$1")
        #expect(QuerySQL.placeholder(1, type: .jsonb, schema: "s") == "$1::jsonb")
        #expect(QuerySQL.placeholder(2, type: .array(.interval), schema: "s") == "$2::interval[]")
        #expect(QuerySQL.placeholder(3, type: .enumeration("user"), schema: "s") == "$3::s.\"user\"")
    }
}
