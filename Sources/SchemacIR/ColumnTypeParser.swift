/// Why a type spelling was not accepted.
public struct TypeProblem: Error, Hashable, Sendable {
    public var message: String
    /// A known spelling close to the one given, for "did you mean".
    public var suggestion: String?
    /// The name is not a type at all (rather than a known type with bad parameters).
    public var isUnknownName = false
}

extension ColumnType {
    /// Type names without parameters, aliases included, with their canonical type.
    static let simpleNames: [String: ColumnType] = [
        "smallint": .smallint, "int2": .smallint,
        "integer": .integer, "int": .integer, "int4": .integer,
        "bigint": .bigint, "int8": .bigint,
        "numeric": .unconstrainedNumeric, "decimal": .unconstrainedNumeric,
        "real": .real, "float4": .real,
        "double precision": .doublePrecision, "float8": .doublePrecision, "double": .doublePrecision,
        "boolean": .boolean, "bool": .boolean,
        "text": .text, "string": .text,
        "date": .date,
        "timestamp": .timestamp, "timestamp without time zone": .timestamp,
        "timestamptz": .timestamptz, "timestamp with time zone": .timestamptz,
        "time": .time, "time without time zone": .time,
        "interval": .interval,
        "uuid": .uuid, "json": .json, "jsonb": .jsonb, "bytea": .bytea,
    ]

    /// Parameterised type names, aliases included.
    static let parameterisedNames = ["numeric", "decimal", "varchar", "character varying", "string", "char", "character"]

    /// Every spelling the DSL accepts, for suggestions.
    public static var knownSpellings: [String] {
        Array(simpleNames.keys) + ["numeric(p,s)", "varchar(n)", "char(n)", "string(n)", "decimal(p,s)"]
    }

    /// Parses a DSL type spelling (without the trailing `?` for nullable).
    /// Enum names are not known here: any other identifier is returned as
    /// `.enumeration`, and the front end checks that the enum exists.
    public static func parse(_ raw: String) -> Result<ColumnType, TypeProblem> {
        // Fast paths for canonical spellings (every snapshot, most schemas) and plain aliases.
        if let simple = simpleNames[raw] { return .success(simple) }
        if let type = parsePlainParameterised(raw) { return .success(type) }
        let spelling = raw.isNormalisedTypeSpelling ? raw : raw.trimmingSpaces().lowercased().collapsingSpaces()
        if spelling.hasSuffix("[]") {
            return parse(String(spelling.dropLast(2))).map { .array($0) }
        }
        if let simple = simpleNames[spelling] { return .success(simple) }
        if let open = spelling.firstIndex(of: "("), spelling.hasSuffix(")") {
            let name = String(spelling[..<open]).trimmingSpaces()
            let inner = spelling[spelling.index(after: open)..<spelling.index(before: spelling.endIndex)]
            let arguments = inner.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            return parameterised(name, arguments, spelling: raw)
        }
        if spelling.isIdentifier { return .success(.enumeration(spelling)) }
        return .failure(TypeProblem(message: "unknown type '\(raw)'", suggestion: nil, isUnknownName: true))
    }

    /// `varchar(255)`, `numeric(19,4)`, `string(40)`…: a one-word name and plain
    /// numbers, as canonical spellings and most schemas write them. Returns what
    /// `parameterised` would for valid parameters, and nil for anything else,
    /// which the general path then parses or reports.
    private static func parsePlainParameterised(_ raw: String) -> ColumnType? {
        let utf8 = raw.utf8
        guard utf8.last == UInt8(ascii: ")"), let open = utf8.firstIndex(of: UInt8(ascii: "(")),
              let (first, second) = plainNumbers(utf8[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)])
        else { return nil }
        let length = 1...10_485_760
        switch (Substring(utf8[..<open]), second) {
        case ("varchar", nil), ("string", nil): return length.contains(first) ? .varchar(first) : nil
        case ("char", nil), ("character", nil): return length.contains(first) ? .char(first) : nil
        case ("numeric", _), ("decimal", _):
            let scale = second ?? 0
            return (1...1000).contains(first) && (0...first).contains(scale) ? .numeric(precision: first, scale: scale) : nil
        default: return nil
        }
    }

    /// `n` or `n,m`: digits only (at most 8 each), no spaces or signs.
    private static func plainNumbers(_ text: Substring.UTF8View) -> (Int, Int?)? {
        var first: Int?
        var value = 0, digits = 0
        for byte in text {
            if byte == UInt8(ascii: ",") {
                guard digits > 0, first == nil else { return nil }
                first = value
                value = 0
                digits = 0
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 8 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        return first.map { ($0, value) } ?? (value, nil)
    }

    private static func parameterised(_ name: String, _ arguments: [String], spelling: String) -> Result<ColumnType, TypeProblem> {
        let numbers = arguments.map { Int($0) }
        func bad(_ why: String) -> Result<ColumnType, TypeProblem> {
            .failure(TypeProblem(message: "invalid type '\(spelling)': \(why)", suggestion: nil))
        }
        if numbers.contains(nil) { return bad("parameters must be whole numbers") }
        let values = numbers.compactMap { $0 }
        switch name {
        case "numeric", "decimal":
            guard values.count == 1 || values.count == 2 else { return bad("expected numeric(precision, scale)") }
            let precision = values[0], scale = values.count == 2 ? values[1] : 0
            guard (1...1000).contains(precision) else { return bad("precision must be between 1 and 1000") }
            guard (0...precision).contains(scale) else { return bad("scale must be between 0 and the precision (\(precision))") }
            return .success(.numeric(precision: precision, scale: scale))
        case "varchar", "character varying", "string", "char", "character":
            guard values.count == 1 else { return bad("expected one length") }
            guard (1...10_485_760).contains(values[0]) else { return bad("length must be between 1 and 10485760") }
            return .success(name.hasPrefix("char") && name != "character varying" ? .char(values[0]) : .varchar(values[0]))
        default:
            if simpleNames[name] != nil { return bad("'\(name)' takes no parameters") }
            return .failure(TypeProblem(message: "unknown type '\(spelling)'", suggestion: nil, isUnknownName: true))
        }
    }
}

extension String {
    /// Already what `trimmingSpaces().lowercased().collapsingSpaces()` makes of it:
    /// no white space and no upper case (checked on a safe set of ASCII bytes).
    var isNormalisedTypeSpelling: Bool {
        utf8.allSatisfy { c in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: ",")
                || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
        }
    }

    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }

    /// Folds runs of white space to one space and drops spaces around `(`, `)` and `,`.
    func collapsingSpaces() -> String {
        var out = ""
        var pendingSpace = false
        for ch in self {
            if ch.isWhitespace { pendingSpace = true; continue }
            if pendingSpace, let last = out.last, !"(,".contains(last), !"(),[]".contains(ch) { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }

    /// Lower snake_case: `[a-z_][a-z0-9_]*`.
    public var isIdentifier: Bool {
        guard let first = utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        let isIdentifierByte = { (c: UInt8) in
            c == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
        }
        // Every name is checked: scanning the contiguous bytes is several times
        // cheaper than iterating the UTF-8 view.
        return utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isIdentifierByte) } ?? utf8.allSatisfy(isIdentifierByte)
    }
}
