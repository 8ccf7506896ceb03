import Foundation

/// JSON the way the snapshot is written: sorted keys, pretty, slashes as is.
enum ReportJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        // Foundation on Linux prints an empty array as "[", a blank line and "]".
        // Strings hold no raw line breaks (JSON escapes them), so this touches only layout.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: #"\[\s*\n\s*\]"#, with: "[]", options: .regularExpression)
    }
}
