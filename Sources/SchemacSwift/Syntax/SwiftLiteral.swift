/// Swift string literals for arbitrary text (enum labels, comments, SQL).
enum SwiftLiteral {
    /// `"…"` with `\`, `"` and control characters escaped.
    static func string(_ text: String) -> String {
        "\"" + escaped(text, quote: true) + "\""
    }

    /// A `"""` literal whose content lines are indented by `indent` past the line the
    /// literal starts on; the closing delimiter lines up with them, so the value has no
    /// leading indentation and no trailing newline.
    static func multilineString(_ text: String, indent: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : indent + escaped(String(line), quote: false).replacingTripleQuotes()
        }
        return "\"\"\"\n" + lines.joined(separator: "\n") + "\n" + indent + "\"\"\""
    }

    private static func escaped(_ text: String, quote: Bool) -> String {
        // Most text (SQL, names) needs no escaping: skip the per-scalar rebuild.
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "\\") || (quote && byte == UInt8(ascii: "\"")) || byte < 0x20 || byte == 0x7F
        }
        guard needsEscaping else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"" where quote: out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// `"""` inside a multi-line literal would end it; `\"""` does not.
    fileprivate func replacingTripleQuotes() -> String {
        guard contains("\"\"\"") else { return self }
        var out = ""
        var quotes = 0
        for ch in self {
            if ch == "\"" {
                quotes += 1
                if quotes == 3 {
                    out += "\\\""
                    quotes = 0
                    continue
                }
            } else {
                quotes = 0
            }
            out.append(ch)
        }
        return out
    }
}
