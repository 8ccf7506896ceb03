/// One PostgreSQL schema as pg_catalog describes it, normalized so that two databases
/// reaching the same schema by different routes compare equal: everything sorted by name,
/// columns by their order among non-dropped columns, definitions as pg_get_*def prints
/// them with search_path = pg_catalog (so every name outside pg_catalog is qualified).
/// Read one with `CatalogSnapshot.read(from:schema:)` (CatalogReader.swift).
struct CatalogSnapshot: Equatable, Sendable, CustomStringConvertible {
    struct Column: Equatable, Sendable {
        var name: String
        var type: String  // format_type
        var notNull: Bool
        var defaultExpression: String?  // the generation expression when `generated`
        var identity: String?  // "ALWAYS" or "BY DEFAULT"
        var generated: Bool  // GENERATED ALWAYS AS (…) STORED
        var collation: String?  // only when not the type's default
        var comment: String?
    }

    struct Constraint: Equatable, Sendable {
        var name: String
        var type: String  // contype: c, f, p, u, x, t
        var definition: String  // pg_get_constraintdef
        var validated: Bool
    }

    struct Index: Equatable, Sendable {
        var name: String
        var definition: String  // pg_get_indexdef
        var valid: Bool  // false after a failed CREATE INDEX CONCURRENTLY
    }

    struct Trigger: Equatable, Sendable {
        var name: String
        var definition: String  // pg_get_triggerdef
    }

    struct Table: Equatable, Sendable {
        var name: String
        var partitionKey: String?  // pg_get_partkeydef, for relkind p only
        var comment: String?
        var columns: [Column] = []
        var constraints: [Constraint] = []
        var indexes: [Index] = []
        var triggers: [Trigger] = []

        func column(_ name: String) -> Column? { columns.first { $0.name == name } }
        func constraint(_ name: String) -> Constraint? { constraints.first { $0.name == name } }
        func index(_ name: String) -> Index? { indexes.first { $0.name == name } }
        func trigger(_ name: String) -> Trigger? { triggers.first { $0.name == name } }
    }

    struct Function: Equatable, Sendable {
        var signature: String  // name(identity arguments)
        var definition: String  // pg_get_functiondef
    }

    struct EnumType: Equatable, Sendable {
        var name: String
        var labels: [String]  // in enumsortorder
    }

    var schema: String
    var extensions: [String] = []
    var enums: [EnumType] = []
    var functions: [Function] = []
    var tables: [Table] = []

    func table(_ name: String) -> Table? { tables.first { $0.name == name } }
    func enumType(_ name: String) -> EnumType? { enums.first { $0.name == name } }
    func function(_ signature: String) -> Function? { functions.first { $0.signature == signature } }
}
