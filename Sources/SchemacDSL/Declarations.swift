import SchemacIR

/// The DSL as written, with locations: what the reader understood of the YAML
/// before names are resolved and the warehouse structure is expanded.
struct SchemaDeclarations: Sendable {
    var schemaName: Located<String>?
    var extensions: [Located<String>] = []
    var naming: Located<NamingConventions>?
    var migration: Located<MigrationSettings>?
    /// `lint:` levels (not part of the schema; see LintConfigReader).
    var lint: Located<[LintSettings.Level]>?
    var enums: [EnumDecl] = []
    var dimensions: [DimensionDecl] = []
    var facts: [FactDecl] = []
    var tables: [TableBody] = []
}

struct EnumDecl: Sendable {
    var name: String
    var location: SourceLocation
    var values: [Located<String>]
}

/// What dimensions, facts and plain tables have in common.
struct TableBody: Sendable {
    var name: String
    var location: SourceLocation
    var columns: [ColumnDecl] = []
    var indexes: [IndexDecl] = []
    var checks: [CheckDecl] = []
    var renamedFrom: Located<String>?
    var comment: String?
    /// The `lint_ignore` of the table and of its indexes.
    var lintIgnores: [LintSettings.Ignore] = []
}

struct DimensionDecl: Sendable {
    var body: TableBody
    var history: History = .scd1
    var noOverlap = false
    var key: [Located<String>] = []
    var keyLocation: SourceLocation?
    var hierarchy: HierarchyDecl?
}

struct HierarchyDecl: Sendable {
    var location: SourceLocation
    var parent: Located<String>?
    var closureTable: Located<String>?
    var maintain: Hierarchy.Maintenance = .trigger
}

struct FactDecl: Sendable {
    var body: TableBody
    var dimensions: [DimensionRefDecl] = []
    var grain: [Located<String>] = []
    var measures: [ColumnDecl] = []
}

struct DimensionRefDecl: Sendable {
    var dimension: Located<String>
    var role: Located<String>?
    /// The fact column: `<role>_id`, or `<dimension>_id` without a role.
    var columnName: String { (role?.value ?? dimension.value) + "_id" }
}

struct ColumnDecl: Sendable {
    var name: String
    var location: SourceLocation
    /// The type as written, without a trailing `?`; nil when taken from `references`.
    var type: Located<String>?
    var nullable = false
    var defaultValue: ColumnDefault?
    var defaultLocation: SourceLocation?
    var unique = false
    var check: String?
    var references: Located<String>?
    var onDelete: ReferentialAction?
    var identity: Identity?
    var primaryKey = false
    var renamedFrom: Located<String>?
    var comment: String?
    /// nil: the default (foreign-key columns are indexed).
    var index: Bool?
    var lintIgnores: [LintSettings.Ignore] = []
}

struct IndexDecl: Sendable {
    var location: SourceLocation
    var columns: [Located<String>] = []
    var expression: String?
    var name: Located<String>?
    var unique = false
    var predicate: String?
    var method = "btree"
    var include: [Located<String>] = []
}

struct CheckDecl: Sendable {
    var name: String
    var expression: String
    var location: SourceLocation
}
