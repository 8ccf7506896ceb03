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
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), !text.isEmpty else { return "is not an integer" }
        guard let value = Int(text), range.contains(value) else { return "is out of range for \(name)" }
        return nil
    }

    /// Plain decimal notation: digits, an optional point and exponent. Rejects
    /// what Swift's `Double()` accepts but PostgreSQL does not (`0x10`, `inf`).
    static func isDecimal(_ text: String) -> Bool {
        text.range(of: #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }

    private static func numeric(_ text: String, precision: Int, scale: Int) -> String? {
        guard isDecimal(text), !text.contains("e"), !text.contains("E") else { return "is not a number" }
        let digits = text.drop { $0 == "+" || $0 == "-" }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = parts[0].drop { $0 == "0" }.count
        guard integerDigits <= precision - scale else { return "does not fit numeric(\(precision),\(scale))" }
        return nil
    }
}
