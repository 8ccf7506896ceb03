/// Writes JSON straight into a byte buffer, in exactly the layout Foundation's
/// `JSONEncoder` produces (on Linux) with `[.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes]`, so snapshots written before and after the switch
/// are byte-identical:
///
/// - two-space indentation, `"key" : value`, `,` at the end of the line;
/// - an empty array or object still gets its line breaks: `[\n\n<indent>]`;
/// - strings escape only `"`, `\`, and U+0000…U+001F (`\b \t \n \f \r`
///   short, the rest as lowercase `\u00xx`); `/`, DEL and non-ASCII text are
///   written as is (UTF-8).
///
/// Key order is the caller's job: every `writeJSON(into:)` lists its keys in
/// Foundation's order, which on Linux is plain byte order (`Z` < `_` < `a`).
struct CanonicalJSONWriter {
    /// Output so far: the first `count` bytes of `storage`; the rest is spare room.
    private var storage: [UInt8]
    private var count = 0
    private var depth = 0
    /// Nothing written yet in the innermost open array or object.
    private var atFirstItem = true

    init(capacity: Int = 1 << 16) { storage = Array(repeating: 0, count: capacity) }

    /// The document written so far.
    var bytes: ArraySlice<UInt8> { storage[..<count] }

    // MARK: Containers

    mutating func object(_ body: (inout CanonicalJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Element: SnapshotEncodable>(_ elements: [Element]) {
        open(UInt8(ascii: "["))
        for element in elements {
            startItem()
            element.writeJSON(into: &self)
        }
        close(UInt8(ascii: "]"))
    }

    /// A member of the enclosing object: `,` (unless first), line break,
    /// indentation, `"key" : `. Keys are plain ASCII and written unescaped.
    mutating func field<Value: SnapshotEncodable>(_ key: StaticString, _ value: Value) {
        let (comma, depth) = (nextItem(), depth)
        key.withUTF8Buffer { key in
            write(maxCount: 2 + 2 * depth + key.count + 5) { out in
                var n = Self.lineBreak(comma: comma, depth: depth, into: out)
                out[n] = UInt8(ascii: "\"")
                n += 1
                for byte in key {
                    out[n] = byte
                    n += 1
                }
                for byte in "\" : ".utf8 {
                    out[n] = byte
                    n += 1
                }
                return n
            }
        }
        value.writeJSON(into: &self)
    }

    /// An optional member: no key at all when nil (as `encodeIfPresent`).
    mutating func field<Value: SnapshotEncodable>(_ key: StaticString, _ value: Value?) {
        if let value { field(key, value) }
    }

    private mutating func open(_ bracket: UInt8) {
        write(maxCount: 1) { out in
            out[0] = bracket
            return 1
        }
        depth += 1
        atFirstItem = true
    }

    private mutating func close(_ bracket: UInt8) {
        let isEmpty = atFirstItem
        depth -= 1
        atFirstItem = false  // the parent now has this item
        let depth = depth
        write(maxCount: 3 + 2 * depth) { out in
            // Foundation writes an empty container as `[\n\n  ]`.
            let n = Self.lineBreak(comma: false, depth: depth, into: out, blankLine: isEmpty)
            out[n] = bracket
            return n + 1
        }
    }

    /// Starts an array element: `,` (unless first), line break, indentation.
    private mutating func startItem() {
        let (comma, depth) = (nextItem(), depth)
        write(maxCount: 2 + 2 * depth) { Self.lineBreak(comma: comma, depth: depth, into: $0) }
    }

    /// Marks the container non-empty; says whether a comma must precede the new item.
    private mutating func nextItem() -> Bool {
        defer { atFirstItem = false }
        return !atFirstItem
    }

    /// `,` (if asked), a line break (two for `blankLine`) and the indentation; returns the length.
    private static func lineBreak(comma: Bool, depth: Int, into out: UnsafeMutablePointer<UInt8>, blankLine: Bool = false) -> Int {
        var n = 0
        if comma {
            out[n] = UInt8(ascii: ",")
            n += 1
        }
        if blankLine {
            out[n] = UInt8(ascii: "\n")
            n += 1
        }
        out[n] = UInt8(ascii: "\n")
        (out + n + 1).update(repeating: UInt8(ascii: " "), count: 2 * depth)
        return n + 1 + 2 * depth
    }

    // MARK: Scalars

    mutating func boolean(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    mutating func integer(_ value: Int) {
        var text = String(value)
        text.withUTF8 { digits in raw(digits) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(maxCount: 2 + 6 * utf8.count) { out in  // at worst every byte becomes `\u00xx`
                out[0] = UInt8(ascii: "\"")
                var n = 1
                for byte in utf8 {  // no bounds checks: 6 × count bytes are reserved
                    if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                        out[n] = byte
                        n += 1
                    } else {
                        n += Self.escape(byte, into: out + n)
                    }
                }
                out[n] = UInt8(ascii: "\"")
                return n + 1
            }
        }
    }

    /// Writes the escape for `byte` and says how long it is.
    private static func escape(_ byte: UInt8, into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        let short: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case 0x08: UInt8(ascii: "b")
            case 0x09: UInt8(ascii: "t")
            case 0x0A: UInt8(ascii: "n")
            case 0x0C: UInt8(ascii: "f")
            case 0x0D: UInt8(ascii: "r")
            default: nil
            }
        if let short {
            out[1] = short
            return 2
        }
        func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
        (out[1], out[2], out[3], out[4], out[5]) = (UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4), hexDigit(byte & 0xF))
        return 6
    }

    /// The newline `Snapshot.encode` adds after the document.
    mutating func finishDocument() { raw("\n") }

    // MARK: Buffer

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { raw($0) }
    }

    private mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        write(maxCount: bytes.count) { out in
            out.update(from: source, count: bytes.count)
            return bytes.count
        }
    }

    /// Makes room for up to `maxCount` bytes and lets `fill` write them in
    /// place (no per-byte capacity checks); `fill` returns how many it wrote.
    private mutating func write(maxCount: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maxCount > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, maxCount)))
        }
        let start = count
        let written = storage.withUnsafeMutableBufferPointer { fill($0.baseAddress! + start) }
        precondition(written <= maxCount, "CanonicalJSONWriter wrote past the space it reserved")
        count = start + written
    }
}
