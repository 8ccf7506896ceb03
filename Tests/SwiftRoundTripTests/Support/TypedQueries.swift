import PostgresKit

// The client adapter docs/swift.md shows: generated code knows nothing of SQLKit, and
// these few lines run any of its typed queries on any SQLKit database.

/// A generated query's SQL text with the values of its `$1…$n`.
struct BoundQuery: SQLExpression {
    let sql: String
    let bindings: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        // The text already holds its placeholders; only the values are appended.
        serializer.write(sql)
        serializer.binds.append(contentsOf: bindings)
    }
}

/// Lets SQLKit's fetch methods (`all(decoding:)`, `first(decoding:)`, `run()`) run a bound query.
final class BoundQueryFetcher: SQLQueryFetcher {
    let query: any SQLExpression
    let database: any SQLDatabase

    init(_ query: BoundQuery, on database: any SQLDatabase) {
        self.query = query
        self.database = database
    }
}

extension SQLDatabase {
    /// Runs a typed query and decodes every row into its `Row` type.
    func all<Query: TypedQuery>(_: Query.Type, _ parameters: Query.Parameters) async throws -> [Query.Row] {
        let bound = BoundQuery(sql: Query.sql, bindings: parameters.bindings)
        return try await BoundQueryFetcher(bound, on: self).all(decoding: Query.Row.self)
    }

    /// Every row of a table, decoded into its model, in primary key order.
    func rows<Model: TableModel>(of _: Model.Type, where condition: String = "true") async throws -> [Model] {
        let order = Model.primaryKey.map(\.rawValue).joined(separator: ", ")
        let sql = "SELECT \(Model.selectList) FROM \(Model.schema).\(Model.table) WHERE \(condition) ORDER BY \(order)"
        return try await BoundQueryFetcher(BoundQuery(sql: sql, bindings: []), on: self).all(decoding: Model.self)
    }
}
