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
        SelectItems(table).list
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

    /// `name` (quoted), or `name::text AS name`: qualified, it is the same item after `n.`.
    static func selectItem(quotedName name: String, type: ColumnType) -> String {
        guard let textType = readsAsText(type) else { return name }
        return name + "::" + textType + " AS " + name
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
        let placeholder = "$" + String(position)
        switch type.element {
        case .enumeration:
            // An empty Swift array has no element type, and PostgresKit sends it as
            // jsonb[]; text[] is the one array type every client array casts to.
            if case .array = type { return placeholder + "::text[]::" + SQLType.name(type, schema: schema) }
            return placeholder + "::" + SQLType.name(type, schema: schema)
        case .time, .interval, .json, .jsonb:
            return placeholder + "::" + SQLType.name(type, schema: schema)
        default:
            return placeholder
        }
    }

    /// Joins `items` with ", " into lines of at most `width` characters (an item longer
    /// than that gets a line of its own); continuation lines start with `indent`.
    static func wrapped(_ items: [String], first: String, indent: String = "    ", width: Int = 100) -> String {
        // Room for the longest layout (every item on a line of its own): the text is
        // written once where it ends up, where appending piece by piece regrew a String
        // several times. ASCII text is one Character a byte, so byte counts are widths.
        let capacity = items.reduce(first.utf8.count) { $0 + $1.utf8.count + 2 + indent.utf8.count }
        var isASCII = true
        let text = String(unsafeUninitializedCapacity: capacity) { buffer in
            let base = buffer.baseAddress!
            var count = 0
            func write(_ piece: String) {
                var piece = piece  // `withUTF8` wants a var; native strings are not copied.
                piece.withUTF8 { bytes in
                    guard let source = bytes.baseAddress else { return }
                    (base + count).initialize(from: source, count: bytes.count)
                    count += bytes.count
                }
            }
            func write(byte: UInt8) {
                base[count] = byte
                count += 1
            }
            write(first)
            var lineStart = 0
            for (offset, item) in items.enumerated() {
                let isLast = offset == items.count - 1
                if offset > 0 && count - lineStart + 1 + item.utf8.count + (isLast ? 0 : 1) > width {
                    write(byte: UInt8(ascii: "\n"))
                    lineStart = count
                    write(indent)
                } else if offset > 0 {
                    write(byte: UInt8(ascii: " "))
                }
                write(item)
                if !isLast { write(byte: UInt8(ascii: ",")) }
            }
            // All bytes OR-ed together, without an early exit, so the loop can be vectorized.
            var seen: UInt8 = 0
            for index in 0..<count { seen |= base[index] }
            isASCII = seen < 0x80
            return count
        }
        return isASCII ? text : wrappedCountingCharacters(items, first: first, indent: indent, width: width)
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

}

/// A table's columns as select items, quoted once: the model's select list and every
/// typed query of the table start from them, some queries from the same list.
public struct SelectItems: Sendable {
    public let table: Table
    /// Each column's name as SQL writes it (`SQLIdentifier.quote`), in order: the
    /// queries name columns again after selecting them.
    let names: [String]
    /// `QuerySQL.selectItem` of each column, in order.
    let items: [String]

    public init(_ table: Table) {
        self.table = table
        var names: [String] = []
        var items: [String] = []
        names.reserveCapacity(table.columns.count)
        items.reserveCapacity(table.columns.count)
        // By index: iterating the columns would copy each whole `Column`.
        for index in table.columns.indices {
            let name = SQLIdentifier.quote(table.columns[index].name)
            names.append(name)
            items.append(QuerySQL.selectItem(quotedName: name, type: table.columns[index].type))
        }
        self.names = names
        self.items = items
    }

    /// The index of the column named `name`.
    func columnIndex(_ name: String) -> Int? {
        table.columns.firstIndex { $0.name == name }
    }

    /// `QuerySQL.selectList(table)`.
    public var list: String { QuerySQL.wrapped(items, first: "", indent: "") }

    /// `SELECT <select list>` wrapped, for the start of a query; `qualifier.` before
    /// each column, `extra` items after them.
    func select(qualifier: String? = nil, extra: [String] = []) -> String {
        let columns = qualifier.map { qualifier in items.map { qualifier + "." + $0 } } ?? items
        return QuerySQL.wrapped(columns + extra, first: "SELECT ")
    }
}
