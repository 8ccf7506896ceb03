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
        // Fast path for canonical spellings (every snapshot, most schemas).
        if let simple = simpleNames[raw] { return .success(simple) }
        if let type = parseCanonicalParameterised(raw) { return .success(type) }
        let spelling = raw.trimmingSpaces().lowercased().collapsingSpaces()
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

    /// `varchar(255)`, `char(3)`, `numeric(19,4)` exactly as canonical spelling writes them.
    private static func parseCanonicalParameterised(_ raw: String) -> ColumnType? {
        var utf8 = Substring(raw).utf8
        guard utf8.last == UInt8(ascii: ")"), let open = utf8.firstIndex(of: UInt8(ascii: "(")) else { return nil }
        let name = String(Substring(utf8[utf8.startIndex..<open]))
        utf8 = utf8[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)]
        let numbers = utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { part -> Int? in
            guard !part.isEmpty, part.count < 9, part.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        switch (name, numbers.count) {
        case ("varchar", 1): if let n = numbers[0], n >= 1, n <= 10_485_760 { return .varchar(n) }
        case ("char", 1): if let n = numbers[0], n >= 1, n <= 10_485_760 { return .char(n) }
        case ("numeric", 2): if let p = numbers[0], let s = numbers[1], (1...1000).contains(p), (0...p).contains(s) { return .numeric(precision: p, scale: s) }
        default: break
        }
        return nil
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
        return utf8.allSatisfy { c in
            c == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
        }
    }
}
