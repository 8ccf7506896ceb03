import SchemacIR

/// SQL literals: strings, and column defaults written as literals of the column's type.
public enum SQLLiteral {
    /// A standard string literal: `'O''Brien'`. Backslashes stay as they are, since
    /// `standard_conforming_strings` is on (the default since PostgreSQL 9.1). Only a
    /// string with control characters (a newline, a tab) becomes an `E'…'` literal
    /// with escapes, so every statement stays on its own lines and no raw line break
    /// or trailing space ends up inside the file.
    public static func string(_ s: String) -> String {
        s.unicodeScalars.contains(where: isControl) ? escaped(s) : "'" + s.doubling("'") + "'"
    }

    /// The `DEFAULT` expression of a column: `.sql` verbatim, `.literal` as a literal
    /// of the column's type — a bare number for numeric types, `true`/`false` for
    /// booleans, a quoted string for everything else (enum labels, dates, arrays…).
    /// A value that is not a valid bare number or boolean is quoted and cast, so the
    /// server reports it instead of the emitter guessing.
    public static func defaultValue(_ d: ColumnDefault, type: ColumnType, schema: String) -> String {
        switch d {
        case let .sql(expression): expression
        case let .literal(text): literal(text, type: type, schema: schema)
        }
    }

    static func literal(_ text: String, type: ColumnType, schema: String) -> String {
        let bare: String? = switch type {
        case .smallint, .integer, .bigint: isInteger(text) ? text : nil
        case .numeric, .unconstrainedNumeric, .real, .doublePrecision: isNumber(text) ? text : nil
        case .boolean: boolean(text)
        // Quoted literals of unknown type take the column's type in DEFAULT; no cast needed.
        default: string(text)
        }
        return bare ?? string(text) + "::" + SQLType.name(type, schema: schema)
    }

    /// The YAML-ish spellings of a boolean, case-insensitive.
    static func boolean(_ text: String) -> String? {
        switch text.lowercased() {
        case "true", "yes", "on", "t", "y", "1": "true"
        case "false", "no", "off", "f", "n", "0": "false"
        default: nil
        }
    }

    /// `[+-]digits`: a literal an integer column accepts without rounding.
    static func isInteger(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// A PostgreSQL numeric constant with an optional sign: `12`, `-0.5`, `.5`, `1e-3`.
    /// `NaN` and `Infinity` are not constants; they take the quoted-and-cast path.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts.contains(where: { !$0.isEmpty }) else { return false }
        guard !exponent.isEmpty else { return true }
        return isInteger(String(exponent.dropFirst()))
    }

    /// `E'…'`: backslash and quote escaped, control characters as `\n`, `\t`, `\r` or `\xHH`.
    private static func escaped(_ s: String) -> String {
        var out = "E'"
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "''"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\x" + hex(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
