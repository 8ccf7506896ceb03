import SchemacIR

/// One statement of a typed query: SQL text with positional parameters `$1…$n`, and
/// what each parameter is, so the Swift emitter can give it a type.
public struct QueryStatement: Hashable, Sendable {
    public var sql: String
    /// `parameters[i]` is `$(i + 1)`.
    public var parameters: [QueryParameter]

    public init(sql: String, parameters: [QueryParameter]) {
        self.sql = sql
        self.parameters = parameters
    }
}

public struct QueryParameter: Hashable, Sendable {
    /// The column the value is for, or a name of its own (`at`, `node_id`).
    public var name: String
    public var type: ColumnType
    public var nullable: Bool

    public init(name: String, type: ColumnType, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }

    init(_ column: Column) { self.init(name: column.name, type: column.type, nullable: column.nullable) }
}

/// The SQL of the generated Swift code's typed queries and select lists. It is written
/// for a client that binds Swift values the way PostgresNIO does, and reads results in
/// binary format:
///
/// - Swift `String`s are bound as `text`. A parameter whose column type is not a
///   string type (an enum, `time`, `interval`, `json`, `jsonb`, or arrays of those) is
///   therefore cast: `$1::budget.entry_kind`. Nothing else is cast: an explicit cast to
///   `varchar(n)` would silently truncate a lookup key.
/// - `time` and `interval` values have no binary decoder in Swift clients, and arrays
///   of enums have no element type the client knows; select lists read them as text
///   (`opens_at::text AS opens_at`), which the Swift side decodes as `String`.
public enum QuerySQL {
    /// Every column of `table` in order, as the generated row type decodes it, broken
    /// into lines of at most 100 characters.
    public static func selectList(_ table: Table) -> String {
        wrapped(selectItems(table), first: "", indent: "")
    }

    static func selectItems(_ table: Table, qualifier: String? = nil) -> [String] {
        table.columns.map { selectItem($0, qualifier: qualifier) }
    }

    /// The name the hierarchy queries give the closure depth: `depth`, unless the
    /// dimension has a column of that name (then `closure_depth`, `closure_depth_2`…).
    public static func depthAlias(_ table: Table) -> String {
        var alias = "depth"
        var attempt = 1
        while table.column(named: alias) != nil {
            attempt += 1
            alias = attempt == 2 ? "closure_depth" : "closure_depth_\(attempt - 1)"
        }
        return alias
    }

    static func selectItem(_ column: Column, qualifier: String?) -> String {
        let name = SQLIdentifier.quote(column.name)
        let source = qualifier.map { "\($0).\(name)" } ?? name
        guard let textType = readsAsText(column.type) else { return source }
        return "\(source)::\(textType) AS \(name)"
    }

    /// `text` or `text[]` for the types a select list reads as text, else nil.
    static func readsAsText(_ type: ColumnType) -> String? {
        switch type.element {
        case .time, .interval, .enumeration:
            if case .array = type { return "text[]" }
            // A scalar enum decodes from its binary form (its label) as it is.
            if case .enumeration = type { return nil }
            return "text"
        default: return nil
        }
    }

    /// `$n`, with the cast that lets a value bound as text reach a column of `type`.
    static func placeholder(_ position: Int, type: ColumnType, schema: String) -> String {
        let target = SQLType.name(type, schema: schema)
        switch type.element {
        case .enumeration:
            // An empty Swift array has no element type, and PostgresKit sends it as
            // jsonb[]; text[] is the one array type every client array casts to.
            if case .array = type { return "$\(position)::text[]::\(target)" }
            return "$\(position)::\(target)"
        case .time, .interval, .json, .jsonb:
            return "$\(position)::\(target)"
        default:
            return "$\(position)"
        }
    }

    /// Joins `items` with ", " into lines of at most `width` characters (an item longer
    /// than that gets a line of its own); continuation lines start with `indent`.
    static func wrapped(_ items: [String], first: String, indent: String = "    ", width: Int = 100) -> String {
        // ASCII text is one Character a byte, so line lengths add up without counting.
        guard first.everyUTF8Byte({ $0 < 0x80 }) && indent.everyUTF8Byte({ $0 < 0x80 }) && items.allSatisfy({ $0.everyUTF8Byte { $0 < 0x80 } }) else {
            return wrappedCountingCharacters(items, first: first, indent: indent, width: width)
        }
        var text = first
        var lineLength = first.utf8.count
        var lineHasItem = false
        for (offset, item) in items.enumerated() {
            let comma = offset == items.count - 1 ? "" : ","
            let pieceLength = item.utf8.count + comma.utf8.count
            if lineHasItem && lineLength + 1 + pieceLength > width {
                text += "\n"
                text += indent
                lineLength = indent.utf8.count
            } else if lineHasItem {
                text += " "
                lineLength += 1
            }
            text += item
            text += comma
            lineLength += pieceLength
            lineHasItem = true
        }
        return text
    }

    /// `wrapped` for text with non-ASCII characters, where widths are Character counts of whole lines.
    private static func wrappedCountingCharacters(_ items: [String], first: String, indent: String, width: Int) -> String {
        var lines: [String] = []
        var line = first
        var lineHasItem = false
        for (offset, item) in items.enumerated() {
            let piece = offset == items.count - 1 ? item : item + ","
            if lineHasItem && line.count + 1 + piece.count > width {
                lines.append(line)
                line = indent + piece
            } else {
                line += (lineHasItem ? " " : "") + piece
            }
            lineHasItem = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// `SELECT <select list>` wrapped, for the start of a query.
    static func select(_ table: Table, qualifier: String? = nil, extra: [String] = []) -> String {
        wrapped(selectItems(table, qualifier: qualifier) + extra, first: "SELECT ")
    }
}
