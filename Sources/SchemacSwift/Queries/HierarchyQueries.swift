import SchemacIR
import SchemacSQL

/// The closure hierarchy queries of a dimension model, and the row type they return.
struct HierarchyQueries {
    let model: ModelBuilder
    let sql: HierarchyQuerySQL

    private var versionNote: [String] {
        model.table.dimension?.history == .scd2 ? ["", "Current versions only: closed versions keep the parent they had."] : []
    }

    var specs: [QuerySpec] {
        [
            QuerySpec(
                name: "Descendants", doc: ["The nodes below `nodeId`, nearest first, with their depth below it."] + versionNote,
                statement: sql.descendants(), row: "AtDepth"),
            QuerySpec(
                name: "Ancestors", doc: ["The nodes above `nodeId`, nearest first, with their depth above it."],
                statement: sql.ancestors(), row: "AtDepth"),
            QuerySpec(
                name: "Children", doc: ["The direct children of `nodeId`."] + versionNote, statement: sql.children(),
                row: model.typeName),
            QuerySpec(
                name: "PathToRoot",
                doc: ["The path from `nodeId` (depth 0) up to its root (the greatest depth), in that order."],
                statement: sql.pathToRoot(), row: "AtDepth"),
            QuerySpec(
                name: "MoveSubtree",
                doc: [
                    "Moves `nodeId` and its subtree under `newParentId` (nil: it becomes a root) and returns the node.",
                    "The closure triggers relink the subtree, and refuse a move under the node's own subtree.",
                ],
                statement: sql.moveSubtree(), row: model.typeName),
        ]
    }

    /// `struct AtDepth`: a node and its distance from the node a query started at, decoded
    /// from one row holding the node's columns and the depth.
    var atDepth: SwiftDecl {
        let node = model.typeName
        let members: [SwiftDecl] = [
            .property(PropertyDecl(name: "node", type: node, access: .public)),
            .property(
                PropertyDecl(
                    name: "depth", type: "Int32", doc: ["0 for the start node itself, 1 for a parent or child, and so on."],
                    access: .public)),
            .function(
                FunctionDecl(
                    name: "init", access: .public,
                    parameters: [.init(name: "node", type: node), .init(name: "depth", type: "Int32")],
                    body: [.assignSelf("node"), .assignSelf("depth")])),
            decoding, encoding, depthKey,
        ]
        return .type(
            TypeDecl(
                kind: .struct, name: "AtDepth",
                doc: ["A row of a hierarchy query: a node, and how far it is from the node the query started at."],
                access: .public, conformances: ["Codable", "Sendable", "Hashable"], members: members))
    }

    /// The node from the row's columns, the depth from its own column of the same row.
    private var decoding: SwiftDecl {
        .function(
            FunctionDecl(
                name: "init", access: .public, parameters: [.init(label: "from", name: "decoder", type: "any Decoder")],
                isThrowing: true,
                body: [
                    .line("node = try \(model.typeName)(from: decoder)"),
                    .line("depth = try decoder.container(keyedBy: DepthKey.self).decode(Int32.self, forKey: .depth)"),
                ]))
    }

    private var encoding: SwiftDecl {
        .function(
            FunctionDecl(
                name: "encode", access: .public, parameters: [.init(label: "to", name: "encoder", type: "any Encoder")],
                isThrowing: true,
                body: [
                    .line("try node.encode(to: encoder)"),
                    .line("var container = encoder.container(keyedBy: DepthKey.self)"),
                    .line("try container.encode(depth, forKey: .depth)"),
                ]))
    }

    /// The depth's column name in the query results (see `QuerySQL.depthAlias`).
    private var depthKey: SwiftDecl {
        let alias = QuerySQL.depthAlias(model.table)
        return .type(
            TypeDecl(
                kind: .enum, name: "DepthKey", access: .private, conformances: ["String", "CodingKey"],
                members: [.enumCase(EnumCaseDecl(name: "depth", rawValue: alias == "depth" ? nil : alias))]))
    }
}
