/// Swift string literals for arbitrary text (enum labels, comments, SQL), written as
/// UTF-8 bytes: escaping works on bytes, since every byte it replaces is ASCII and
/// never part of a multi-byte character.
enum SwiftLiteral {
    /// `"…"` with `\`, `"` and control characters escaped.
    static func string(_ text: String) -> String {
        var out = SourceBuffer(capacity: text.utf8.count + 2)
        writeString(text, to: &out)
        return out.text
    }

    static func writeString(_ text: String, to out: inout SourceBuffer) {
        out.write(byte: quote)
        var text = text
        text.withUTF8 { writeEscaped($0, quote: true, to: &out) }
        out.write(byte: quote)
    }

    /// Whether `text` needs a `"""` literal to keep its lines.
    static func hasLineFeed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(SourceBuffer.newlineByte) }
    }

    /// A `"""` literal whose content lines are indented `indent` levels; the closing
    /// delimiter lines up with them, so the value has no leading indentation and no
    /// trailing newline.
    static func multilineString(_ text: String, indent: Int) -> String {
        var out = SourceBuffer(capacity: text.utf8.count + 8)
        writeMultilineString(text, indent: indent, to: &out)
        return out.text
    }

    static func writeMultilineString(_ text: String, indent: Int, to out: inout SourceBuffer) {
        out.write(tripleQuote)
        out.newline()
        var text = text
        text.withUTF8 { utf8 in
            let isPlain = !needsEscapingInMultiline(utf8)
            var start = 0
            for index in utf8.indices where isLineBreak(utf8, at: index) {
                writeContentLine(UnsafeBufferPointer(rebasing: utf8[start..<index]), isPlain: isPlain, indent: indent, to: &out)
                start = index + 1
            }
            writeContentLine(UnsafeBufferPointer(rebasing: utf8[start...]), isPlain: isPlain, indent: indent, to: &out)
        }
        out.indent(indent)
        out.write(tripleQuote)
    }

    /// A line feed that is a Character of its own: `\r\n` is one Character, which
    /// `String.split(separator: "\n")` does not cut either.
    private static func isLineBreak(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        utf8[index] == SourceBuffer.newlineByte && (index == 0 || utf8[index - 1] != UInt8(ascii: "\r"))
    }

    /// Whether anything in `text` but its line feeds needs escaping in a `"""` literal.
    /// Most text (SQL) has nothing: its lines are then copied as they are.
    private static func needsEscapingInMultiline(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var quotes = 0
        func needsEscaping(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            for byte in bytes {
                quotes = byte == quote ? quotes + 1 : 0
                if quotes == 3 || (byte != SourceBuffer.newlineByte && needsEscape(byte, quote: false)) { return true }
            }
            return false
        }
        var index = 0
        // Eight bytes at a time: most words of SQL hold none of the bytes to look at.
        while index + 8 <= text.count {
            let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
            if !mayNeedEscape(word) {
                quotes = 0
            } else if needsEscaping(text[index..<index + 8]) {
                return true
            }
            index += 8
        }
        return needsEscaping(text[index...])
    }

    /// Whether any byte of `word` is a control character (line feeds included), a quote,
    /// a backslash or DEL: the classic bit tricks for "has a byte below n" and "has a
    /// zero byte" (exact as to whether there is one; bytes of 0x80 and up never count).
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ bound: UInt64, _ value: UInt64) -> Bool { (value &- ones &* bound) & ~value & highBits != 0 }
        func hasByte(_ byte: UInt64) -> Bool { hasByteBelow(1, word ^ (ones &* byte)) }
        return hasByteBelow(0x20, word) || hasByte(UInt64(quote)) || hasByte(UInt64(backslash)) || hasByte(0x7F)
    }

    private static func writeContentLine(
        _ line: UnsafeBufferPointer<UInt8>, isPlain: Bool, indent: Int, to out: inout SourceBuffer
    ) {
        if !line.isEmpty {
            out.indent(indent)
            if isPlain {
                out.write(bytes: line)
            } else {
                let start = out.mark
                writeEscaped(line, quote: false, to: &out)
                escapeTripleQuotes(since: start, in: &out)
            }
        }
        out.newline()
    }

    private static func writeEscaped(_ text: UnsafeBufferPointer<UInt8>, quote: Bool, to out: inout SourceBuffer) {
        // Most text (SQL, names) needs no escaping: copy it whole.
        guard text.contains(where: { needsEscape($0, quote: quote) }) else {
            out.write(bytes: text)
            return
        }
        for byte in text {
            guard needsEscape(byte, quote: quote) else {
                out.write(byte: byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\n"): out.write(#"\n"#)
            case UInt8(ascii: "\r"): out.write(#"\r"#)
            case UInt8(ascii: "\t"): out.write(#"\t"#)
            case backslash, Self.quote:
                out.write(byte: backslash)
                out.write(byte: byte)
            default: out.write(#"\u{"# + String(byte, radix: 16, uppercase: true) + "}")
            }
        }
    }

    private static func needsEscape(_ byte: UInt8, quote: Bool) -> Bool {
        byte == backslash || (quote && byte == Self.quote) || byte < 0x20 || byte == 0x7F
    }

    /// `"""` inside a multi-line literal would end it; `\"""` does not. A quote followed
    /// by a combining mark is another Character, so the rare line that has three quote
    /// bytes in a row is rewritten Character by Character.
    private static func escapeTripleQuotes(since start: SourceBuffer.Mark, in out: inout SourceBuffer) {
        let written = out.written(from: start.count)
        let hasTripleQuote = written.indices.dropLast(2).contains { index in
            written[index] == quote && written[index + 1] == quote && written[index + 2] == quote
        }
        guard hasTripleQuote else { return }
        let line = String(decoding: written, as: UTF8.self)
        out.rewind(to: start)
        out.write(line.replacingTripleQuotes())
    }

    private static let tripleQuote = "\"\"\""
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
}

extension String {
    fileprivate func replacingTripleQuotes() -> String {
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
