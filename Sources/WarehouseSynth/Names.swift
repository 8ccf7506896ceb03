/// Every identifier the model ever handed out, so none is used twice or reused
/// after a drop or rename: a rename hint then always means what it says, and
/// constraint and index names built from table and column names cannot collide.
struct NamePool: Hashable, Sendable {
    private(set) var used: Set<String> = [
        // Columns and names schemac adds itself.
        "id", "created_at", "updated_at", "valid_from", "valid_to", "is_current", "parent_id", "valid_range",
        "ancestor_id", "descendant_id", "depth", "no_overlap", "current", "hierarchy",
    ]

    /// The next suffix to try per base name, so that thousands of tables stay cheap.
    private var nextSuffix: [String: Int] = [:]

    /// `base`, or `base_2`, `base_3`… whichever is still free.
    mutating func fresh(_ base: String) -> String {
        var name = base
        var n = nextSuffix[base] ?? 2
        while used.contains(name) || name.hasSuffix("_id") {
            name = "\(base)_\(n)"
            n += 1
        }
        nextSuffix[base] = n
        used.insert(name)
        return name
    }

    mutating func fresh(from words: [String], _ rng: inout SplitMix64) -> String {
        let free = words.filter { !used.contains($0) }
        return fresh(rng.maybePick(free) ?? rng.pick(words))
    }
}

/// The words names are made of. Some are PostgreSQL reserved words (`user`,
/// `order`, `group`), so quoting is exercised everywhere.
enum Words {
    static let dimensions = [
        "customer", "product", "store", "region", "supplier", "employee", "channel", "campaign", "account",
        "warehouse", "currency", "category", "brand", "device", "partner", "project", "team", "user", "group",
        // Long enough that derived names (closure tables, sequences, constraints) need shortening.
        "customer_acquisition_channel_attribution",
    ]
    static let facts = ["sale", "shipment", "payment", "visit", "booking", "refund", "click", "review", "invoice", "order"]
    static let tables = ["exchange_rate", "setting", "audit_note", "holiday", "tax_rule", "price_list", "table", "limit"]
    static let roles = [
        "buyer", "seller", "approver", "origin", "destination", "referrer", "owner", "reviewer",
        "secondary_account_manager_responsible_for_renewals",
    ]
    static let enums = ["status_kind", "tier_level", "priority_class", "source_kind"]
    static let labels = ["draft", "active", "paused", "closed", "gold", "silver", "bronze", "low", "high", "web", "shop", "phone"]
    static let checks = ["sane", "in_range", "not_blank", "plausible", "positive"]
    static let indexNames = ["ix_lookup", "ix_recent", "ix_search"]
    static let extensions = ["pg_trgm", "citext", "hstore", "pgcrypto", "btree_gin", "btree_gist", "uuid-ossp", "cube", "fuzzystrmatch"]

    /// Column names by the type they usually get.
    static func columns(for type: SynthType) -> [String] {
        switch type {
        case .varchar: ["name", "title", "label", "city", "email", "phone", "sku", "country", "color", "user", "preferred_correspondence_language_and_region_code"]
        case .text: ["description", "remarks", "notes", "summary", "order"]
        case .integer: ["quantity", "rank", "score", "level", "priority", "seats", "group"]
        case .bigint: ["counter", "views", "points", "units"]
        case .numeric: ["price", "amount", "weight", "ratio", "discount", "cost", "tax", "estimated_lifetime_value_in_reporting_currency"]
        case .boolean: ["is_active", "is_deleted", "flagged", "verified"]
        case .date: ["opened_on", "closed_on", "birth_date", "due_on", "shipped_on"]
        case .timestamptz: ["seen_at", "synced_at", "approved_at", "expires_at"]
        case .uuid: ["external_ref", "token", "guid"]
        case .jsonb: ["attributes", "payload", "settings", "extra"]
        case .enumeration: ["status", "tier", "stage", "source"]
        }
    }

    static let comments = [
        "Who bought what", "It's the \"main\" one", "Prices: net, in EUR", "Überblick – ✓", "one\\two",
        "Kept for 7 years", "See the wiki: #42",
    ]
    static let textDefaults = ["n/a", "it's", "none", "-", "\"quoted\""]
}

/// Quoting in the SQL expressions the model writes (checks, index expressions).
enum SQLWords {
    /// PostgreSQL 15 keywords of category R and T: never bare column names.
    static let reserved: Set<String> = [
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

    static func identifier(_ name: String) -> String {
        reserved.contains(name) ? "\"\(name)\"" : name
    }
}
