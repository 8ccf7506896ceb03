import SchemacIR

/// PostgreSQL identifiers, quoted only where the server needs it, so the
/// emitted SQL reads like hand-written SQL (`budget.t_d_user`, `"order"`).
public enum SQLIdentifier {
    /// Quotes exactly when needed: not matching `[a-z_][a-z0-9_$]*`, or a PostgreSQL keyword that cannot be
    /// used bare as a column/table name (catcode R or T in `pg_get_keywords()`).
    public static func quote(_ name: String) -> String {
        let scanned = scan(name)
        return scanned.isBare && !(scanned.mayBeKeyword && SQLKeywords.reservedSet.contains(name)) ? name : delimited(name)
    }

    /// Whether `name` is in `SQLKeywords.reserved`.
    static func isReservedKeyword(_ name: String) -> Bool {
        scan(name).mayBeKeyword && SQLKeywords.reservedSet.contains(name)
    }

    /// `isBare(name)`, and whether `name` may be a reserved keyword, in one pass over its
    /// bytes. Those keywords are lower-case letters and `_`, at most 17 bytes long: a
    /// longer name, or one with a digit or `$` (most generated and numbered names), is
    /// told apart without hashing it.
    private static func scan(_ name: String) -> (isBare: Bool, mayBeKeyword: Bool) {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLower(first) else { return (false, false) }
        var isLettersOnly = true
        let isBare = name.everyUTF8Byte { byte in
            if isLower(byte) || byte == UInt8(ascii: "_") { return true }
            isLettersOnly = false
            return isDigit(byte) || byte == UInt8(ascii: "$")
        }
        return (isBare, isBare && isLettersOnly && name.utf8.count <= SQLKeywords.longestReserved)
    }

    /// `schema.name`, each part quoted as needed. The schema is never omitted, even for `public`:
    /// the emitted SQL must not depend on the session's search_path.
    public static func qualified(_ schema: String, _ name: String) -> String {
        quote(schema) + "." + quote(name)
    }

    /// A schema-qualified name in a position where the grammar expects a type name
    /// (column types, casts). There a schema named after a catcode C keyword (`time`,
    /// `int`, `values`) must be quoted too, or the parser reads it as the built-in type.
    static func qualifiedType(_ schema: String, _ name: String) -> String {
        let prefix = SQLKeywords.notTypeOrFunctionNameSet.contains(schema) ? delimited(schema) : quote(schema)
        return prefix + "." + quote(name)
    }

    /// `schema.table.column`, as COMMENT ON COLUMN wants it.
    static func qualified(_ schema: String, _ table: String, _ column: String) -> String {
        qualified(schema, table) + "." + quote(column)
    }

    /// A comma-separated column list, without parentheses: `a, "order", c`.
    static func list(_ names: [String]) -> String {
        names.map(quote).joined(separator: ", ")
    }

    /// `[a-z_][a-z0-9_$]*`: what PostgreSQL keeps as written without quotes. Upper-case
    /// letters would be folded to lower case, so they need quotes to survive.
    static func isBare(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLower(first) else { return false }
        return name.everyUTF8Byte { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "$") }
    }

    /// `"name"` with embedded double quotes doubled.
    static func delimited(_ name: String) -> String {
        "\"" + name.doubling("\"") + "\""
    }

    private static func isLower(_ c: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) }
    private static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
}

extension String {
    /// Every occurrence of `quote` written twice: the SQL way to escape a delimiter.
    func doubling(_ quote: Character) -> String {
        if let byte = quote.asciiValue, !utf8.contains(byte) { return self }
        var out = ""
        out.reserveCapacity(count + 2)
        for ch in self {
            out.append(ch)
            if ch == quote { out.append(ch) }
        }
        return out
    }
}
