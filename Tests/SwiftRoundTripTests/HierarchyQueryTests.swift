import Foundation
import PostgresKit
import Testing

/// The hierarchy queries on a versioned tree, against recursive CTEs over `parent_id`
/// (the closure table is not consulted by the oracle), before and after a new version
/// re-points children and after subtrees move.
@Suite struct HierarchyQueryTests {
    static let t0 = GadgetSamples.utc("2024-01-01T00:00:00Z")
    static let t1 = GadgetSamples.utc("2024-02-01T00:00:00Z")

    /// A ─┬─ B ── D ── E
    ///    └─ C
    private struct Tree {
        var a, b, c, d, e: Node
    }

    private func record(_ lab: LabDatabase, _ code: String, under parent: Node?, at: Date = t0) async throws -> Node {
        let rows = try await lab.sql.all(
            Node.RecordVersion.self, .init(code: code, label: "node \(code)", depth: nil, parentId: parent?.id, validFrom: at))
        try #require(rows.count == 1)
        return rows[0]
    }

    private func tree(_ lab: LabDatabase) async throws -> Tree {
        let a = try await record(lab, "A", under: nil)
        let b = try await record(lab, "B", under: a)
        let c = try await record(lab, "C", under: a)
        let d = try await record(lab, "D", under: b)
        return Tree(a: a, b: b, c: c, d: d, e: try await record(lab, "E", under: d))
    }

    @Test func queriesAgreeWithRecursiveSQL() async throws {
        try await LabDatabase.with(label: "swift_tree") { lab in
            let tree = try await tree(lab)
            try await expectAgreement(lab, nodes: [tree.a, tree.b, tree.c, tree.d, tree.e])
            #expect(try await links(lab.sql.all(Node.PathToRoot.self, .init(nodeId: tree.e.id))) == [
                "\(tree.e.id)@0", "\(tree.d.id)@1", "\(tree.b.id)@2", "\(tree.a.id)@3",
            ])
        }
    }

    @Test func aNewVersionTakesOverTheCurrentChildren() async throws {
        try await LabDatabase.with(label: "swift_tree_version") { lab in
            let tree = try await tree(lab)
            let b2 = try await record(lab, "B", under: tree.a, at: Self.t1)
            #expect(try lab.query("SELECT parent_id FROM lab.t_d_node WHERE id = \(tree.d.id)") == [["\(b2.id)"]])
            #expect(try await lab.sql.all(Node.Children.self, .init(nodeId: b2.id)).map(\.id) == [tree.d.id])
            #expect(try await lab.sql.all(Node.Descendants.self, .init(nodeId: tree.b.id)).isEmpty)
            try await expectAgreement(lab, nodes: [tree.a, tree.b, b2, tree.c, tree.d, tree.e])
        }
    }

    @Test func movingASubtreeRelinksIt() async throws {
        try await LabDatabase.with(label: "swift_tree_move") { lab in
            let tree = try await tree(lab)
            let moved = try await lab.sql.all(Node.MoveSubtree.self, .init(nodeId: tree.d.id, newParentId: tree.c.id))
            #expect(moved.map(\.parentId) == [tree.c.id])
            #expect(try await links(lab.sql.all(Node.Descendants.self, .init(nodeId: tree.c.id))) == ["\(tree.d.id)@1", "\(tree.e.id)@2"])
            try await expectAgreement(lab, nodes: [tree.a, tree.b, tree.c, tree.d, tree.e])
            _ = try await lab.sql.all(Node.MoveSubtree.self, .init(nodeId: tree.d.id, newParentId: nil))
            try await expectAgreement(lab, nodes: [tree.a, tree.b, tree.c, tree.d, tree.e])
        }
    }

    @Test func aMoveUnderItsOwnSubtreeIsRefused() async throws {
        try await LabDatabase.with(label: "swift_tree_cycle") { lab in
            let tree = try await tree(lab)
            await #expect(throws: (any Error).self) {
                try await lab.sql.all(Node.MoveSubtree.self, .init(nodeId: tree.a.id, newParentId: tree.e.id))
            }
            try await expectAgreement(lab, nodes: [tree.a, tree.e])
        }
    }

    // MARK: - Oracle

    private func links(_ rows: [Node.AtDepth]) -> [String] { rows.map { "\($0.node.id)@\($0.depth)" } }

    /// Every query of every node equals its recursive-SQL answer.
    private func expectAgreement(_ lab: LabDatabase, nodes: [Node]) async throws {
        for node in nodes {
            let id = node.id
            #expect(try await links(lab.sql.all(Node.Descendants.self, .init(nodeId: id))) == down(lab, from: id), "below \(node.code)")
            #expect(try await links(lab.sql.all(Node.Ancestors.self, .init(nodeId: id))) == up(lab, from: id, minDepth: 1))
            #expect(try await links(lab.sql.all(Node.PathToRoot.self, .init(nodeId: id))) == up(lab, from: id, minDepth: 0))
            let children = try lab.query("SELECT id FROM lab.t_d_node WHERE parent_id = \(id) AND is_current ORDER BY id")
            #expect(try await lab.sql.all(Node.Children.self, .init(nodeId: id)).map { "\($0.id)" } == children.map { $0[0] })
        }
    }

    /// Current nodes below `id`, walking `parent_id` downwards.
    private func down(_ lab: LabDatabase, from id: Int64) throws -> [String] {
        try lab.query(
            """
            WITH RECURSIVE walk (id, depth) AS (
                SELECT id, 0 FROM lab.t_d_node WHERE id = \(id)
                UNION ALL
                SELECT n.id, w.depth + 1 FROM lab.t_d_node AS n JOIN walk AS w ON n.parent_id = w.id
            )
            SELECT w.id || '@' || w.depth FROM walk AS w JOIN lab.t_d_node AS n ON n.id = w.id
            WHERE w.depth > 0 AND n.is_current ORDER BY w.depth, w.id
            """
        ).map { $0[0] }
    }

    /// `id` and the nodes above it, walking `parent_id` upwards.
    private func up(_ lab: LabDatabase, from id: Int64, minDepth: Int) throws -> [String] {
        try lab.query(
            """
            WITH RECURSIVE walk (id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM lab.t_d_node WHERE id = \(id)
                UNION ALL
                SELECT n.id, n.parent_id, w.depth + 1 FROM lab.t_d_node AS n JOIN walk AS w ON n.id = w.parent_id
            )
            SELECT id || '@' || depth FROM walk WHERE depth >= \(minDepth) ORDER BY depth
            """
        ).map { $0[0] }
    }
}
