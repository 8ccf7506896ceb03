/// Recursive-descent JSON (RFC 8259) parser producing `JSONDocument`'s flat
/// node list. Strict: no comments, no trailing commas, no unescaped control
/// characters, valid escapes and UTF-8 only; any amount of white space.
struct JSONParser {
    /// Deeper nesting than this is refused rather than risking the stack.
    static let maxDepth = 512

    /// Only valid during `parse`: the parser never outlives the buffer.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var nodes: [JSONDocument.Node] = []

    static func parse(_ bytes: [UInt8]) throws(SnapshotDecodingError) -> [JSONDocument.Node] {
        try bytes.withUnsafeBufferPointer { buffer throws(SnapshotDecodingError) in
            var parser = JSONParser(bytes: buffer)
            parser.nodes.reserveCapacity(bytes.count / 12)  // a pretty-printed snapshot has a node per ~17 bytes
            parser.skipWhitespace()
            try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else { throw parser.error("unexpected text after the end of the document") }
            return parser.nodes
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func error(_ message: String, at offset: Int? = nil) -> SnapshotDecodingError {
        SnapshotDecodingError(message, at: offset ?? position, in: bytes)
    }

    /// What is at the current position, for error messages.
    private var found: String {
        guard let next else { return "the end of the document" }
        if next >= 0x21 && next < 0x7F { return "'\(Character(Unicode.Scalar(next)))'" }
        return (next < 0x10 ? "byte 0x0" : "byte 0x") + String(next, radix: 16, uppercase: true)
    }

    private mutating func skipWhitespace() {
        guard let base = bytes.baseAddress else { return }
        var at = position  // a local, so that the loop keeps it in a register
        while at < bytes.count {
            // Pretty-printed indentation comes in runs of spaces: skip up to eight at once.
            if at + 8 <= bytes.count {
                let notSpace = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
                let spaces = notSpace.littleEndian.trailingZeroBitCount / 8
                at += spaces
                if spaces == 8 { continue }
            }
            let byte = base[at]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { break }
            at += 1
        }
        position = at
    }

    private mutating func parseValue(depth: Int) throws(SnapshotDecodingError) {
        guard let byte = next else { throw error("expected a value, found \(found)") }
        switch byte {
        case UInt8(ascii: "{"): try parseContainer(.object, depth: depth)
        case UInt8(ascii: "["): try parseContainer(.array, depth: depth)
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true", .true)
        case UInt8(ascii: "f"): try parseLiteral("false", .false)
        case UInt8(ascii: "n"): try parseLiteral("null", .null)
        default: throw error("expected a value, found \(found)")
        }
    }

    private mutating func parseContainer(_ kind: JSONDocument.Node.Kind, depth: Int) throws(SnapshotDecodingError) {
        guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        let isObject = kind == .object
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        let index = nodes.count
        nodes.append(.init(kind: kind, offset: position, end: position, after: 0))
        position += 1
        skipWhitespace()
        var count = 0
        var keyBits: UInt64 = 0
        if next == close {
            position += 1
        } else {
            while true {
                if isObject {
                    guard next == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(found)") }
                    try parseString()
                    let key = nodes[nodes.count - 1]
                    keyBits |=
                        key.hasEscapes
                        ? .max  // the raw bytes are not the key: turn the filter off
                        : JSONDocument.keyBit(UnsafeBufferPointer(rebasing: bytes[(key.offset + 1)..<key.end]))
                    skipWhitespace()
                    guard next == UInt8(ascii: ":") else { throw error("expected ':' after the key, found \(found)") }
                    position += 1
                    skipWhitespace()
                }
                try parseValue(depth: depth + 1)
                count += 1
                skipWhitespace()
                if next == close {
                    position += 1
                    break
                }
                guard next == UInt8(ascii: ",") else {
                    throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' after \(isObject ? "a member" : "an element"), found \(found)")
                }
                position += 1
                skipWhitespace()
            }
        }
        nodes[index].end = position
        nodes[index].after = nodes.count
        nodes[index].count = count
        nodes[index].keyBits = keyBits
    }

    private mutating func parseString() throws(SnapshotDecodingError) {
        let open = position
        var hasEscapes = false
        var allBits: UInt8 = 0  // every byte OR-ed together: ASCII if the top bit stays clear
        position += 1
        while true {
            // The common case first: plain text up to the closing quote.
            var at = position
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                allBits |= byte
                at += 1
            }
            position = at
            guard let byte = next else { throw error("unterminated string", at: open) }
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw error("control character \(found) must be escaped in a string") }
            hasEscapes = true
            try parseEscape()
        }
        if allBits >= 0x80 { try validateUTF8(open + 1..<position) }
        nodes.append(.init(kind: .string, hasEscapes: hasEscapes, offset: open, end: position, after: nodes.count + 1))
        position += 1
    }

    /// Checks one escape sequence (the position is at its backslash) and skips it.
    private mutating func parseEscape() throws(SnapshotDecodingError) {
        let start = position
        position += 1
        switch next {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            let code = try hexEscape(at: start)
            guard !(0xDC00...0xDFFF).contains(code) else { throw error("unpaired surrogate in a \\u escape", at: start) }
            guard (0xD800...0xDBFF).contains(code) else { return }
            // A high surrogate: the low half must follow as another \u escape.
            let low = position
            guard next == UInt8(ascii: "\\"), low + 1 < bytes.count, bytes[low + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate in a \\u escape", at: start)
            }
            position += 1
            guard (0xDC00...0xDFFF).contains(try hexEscape(at: low)) else { throw error("unpaired surrogate in a \\u escape", at: start) }
        default: throw error("invalid escape sequence in a string", at: start)
        }
    }

    /// Reads the `uXXXX` of a `\uXXXX` escape whose backslash is at `start`.
    private mutating func hexEscape(at start: Int) throws(SnapshotDecodingError) -> UInt32 {
        let digits = (position + 1)..<(position + 5)
        guard digits.upperBound <= bytes.count, bytes[digits].allSatisfy(\.isHexDigit) else {
            throw error("a \\u escape needs four hex digits", at: start)
        }
        position = digits.upperBound
        return JSONDocument.hexValue(UnsafeBufferPointer(rebasing: bytes[digits]))
    }

    private func validateUTF8(_ range: Range<Int>) throws(SnapshotDecodingError) {
        var decoder = Unicode.UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw error("invalid UTF-8 in a string", at: range.lowerBound - 1)
            }
        }
    }

    private mutating func parseNumber() throws(SnapshotDecodingError) {
        let start = position
        if next == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit, found \(found)") }
        guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw error("numbers must not have leading zeros", at: start)
        }
        if next == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected a digit after '.', found \(found)") }
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            position += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found)") }
        }
        nodes.append(.init(kind: .number, offset: start, end: position, after: nodes.count + 1))
    }

    /// Skips a run of decimal digits and says how many there were.
    private mutating func digits() -> Int {
        let start = position
        while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return position - start
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: JSONDocument.Node.Kind) throws(SnapshotDecodingError) {
        let matches = word.withUTF8Buffer { word in bytes[position...].starts(with: word) }
        guard matches else { throw error("expected '\(word)', found \(found)") }
        nodes.append(.init(kind: kind, offset: position, end: position + word.utf8CodeUnitCount, after: nodes.count + 1))
        position += word.utf8CodeUnitCount
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
