// Produced from PostgreSQL 15.18 with
//     SELECT word, catcode FROM pg_get_keywords() ORDER BY word COLLATE "C";
// on a throwaway cluster. Regenerate the same way when targeting a newer major version.

/// PostgreSQL keywords that decide where an identifier must be quoted.
enum SQLKeywords {
    /// Keywords that cannot be a bare table or column name: catcode R (reserved) and
    /// T (reserved, but allowed as a function or type name). Sorted.
    static let reserved: [String] = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
        "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
        "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
        "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in",
        "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
        "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
        "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
        "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true",
        "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with",
    ]

    /// Catcode C (unreserved, but not allowed as a function or type name): fine as a
    /// column or table name, yet a schema so named must be quoted where it qualifies a
    /// type (`"time".kind`), because type names are parsed before column names there.
    static let notTypeOrFunctionName: [String] = [
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists", "extract",
        "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national", "nchar", "none",
        "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof", "smallint",
        "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat",
        "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
        "xmltable",
    ]

    static let reservedSet = Set(reserved)
    /// The byte count of the longest reserved keyword (`current_timestamp`).
    static let longestReserved = 17
    static let notTypeOrFunctionNameSet = Set(notTypeOrFunctionName)
}
