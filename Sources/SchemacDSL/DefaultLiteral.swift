import Foundation
import SchemacIR

/// Checks a YAML scalar default against its column type, so a default that
/// PostgreSQL would reject at CREATE time, or on every INSERT, is an error here.
enum DefaultLiteral {
    static func problem(_ text: String, for type: ColumnType) -> String? {
        switch type {
        case .smallint: return integer(text, in: Int(Int16.min)...Int(Int16.max), "smallint")
        case .integer: return integer(text, in: Int(Int32.min)...Int(Int32.max), "integer")
        case .bigint: return integer(text, in: Int.min...Int.max, "bigint")
        case let .numeric(precision, scale): return numeric(text, precision: precision, scale: scale)
        case .unconstrainedNumeric, .real, .doublePrecision: return isDecimal(text) ? nil : "is not a number"
        case .boolean: return "is not true or false"
        case let .varchar(length), let .char(length):
            return text.count > length ? "is longer than \(length) characters" : nil
        default: return nil
        }
    }

    private static func integer(_ text: String, in range: ClosedRange<Int>, _ name: String) -> String? {
        // Bytes suffice: every character is an ASCII digit or sign exactly when every byte is.
        let allowed = { (c: UInt8) in c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
        guard text.utf8.allSatisfy(allowed), !text.isEmpty else { return "is not an integer" }
        guard let value = Int(text), range.contains(value) else { return "is out of range for \(name)" }
        return nil
    }

    /// Plain decimal notation: digits, an optional point and exponent. Rejects
    /// what Swift's `Double()` accepts but PostgreSQL does not (`0x10`, `inf`).
    static func isDecimal(_ text: String) -> Bool {
        // Text made only of these characters holds no line terminator (before
        // which the regex's `$` also matches), so the scanner below decides
        // exactly as the regex would, without compiling it on every call.
        if text.utf8.allSatisfy({ DecimalScanner.isDecimalCharacter($0) }) { return DecimalScanner.matches(text.utf8) }
        return text.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }

    /// `[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?`, whole text, as a byte scanner.
    private enum DecimalScanner {
        static func isDecimalCharacter(_ c: UInt8) -> Bool {
            isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
        }

        static func matches(_ text: String.UTF8View) -> Bool {
            var rest = text[...]
            skipSign(&rest)
            let integerDigits = skipDigits(&rest)
            var fractionDigits = 0
            if rest.first == UInt8(ascii: ".") {
                rest.removeFirst()
                fractionDigits = skipDigits(&rest)
            }
            guard integerDigits > 0 || fractionDigits > 0 else { return false }
            if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                rest.removeFirst()
                skipSign(&rest)
                guard skipDigits(&rest) > 0 else { return false }
            }
            return rest.isEmpty
        }

        private static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }

        private static func skipSign(_ text: inout Substring.UTF8View) {
            if let c = text.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { text.removeFirst() }
        }

        private static func skipDigits(_ text: inout Substring.UTF8View) -> Int {
            var count = 0
            while let c = text.first, isDigit(c) {
                text.removeFirst()
                count += 1
            }
            return count
        }
    }

    private static func numeric(_ text: String, precision: Int, scale: Int) -> String? {
        guard isDecimal(text), !text.contains("e"), !text.contains("E") else { return "is not a number" }
        guard integerDigits(text) <= precision - scale else { return "does not fit numeric(\(precision),\(scale))" }
        return nil
    }

    /// Digits before the point, leading zeros and sign left out.
    private static func integerDigits(_ text: String) -> Int {
        // Text of decimal characters only is ASCII, where bytes and characters
        // coincide: counting bytes skips splitting into characters (~10 k instructions).
        if text.utf8.allSatisfy({ DecimalScanner.isDecimalCharacter($0) }) {
            let unsigned = text.utf8.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
            return unsigned.prefix { $0 != UInt8(ascii: ".") }.drop { $0 == UInt8(ascii: "0") }.count
        }
        let digits = text.drop { $0 == "+" || $0 == "-" }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return parts[0].drop { $0 == "0" }.count
    }
}
