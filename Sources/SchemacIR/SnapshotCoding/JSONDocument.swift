/// A parsed JSON text, kept flat: every value is a node, in document order; a
/// container's members follow it (for objects: key, value, key, value…) and
/// `after` skips its whole subtree. Strings and numbers stay byte ranges until
/// someone asks for their value, so parsing allocates almost nothing.
///
/// The parser (JSONParser.swift) checks the whole grammar up front, escapes
/// and UTF-8 included, so reading a string back cannot fail.
final class JSONDocument {
    struct Node {
        enum Kind: UInt8, CustomStringConvertible {
            case object, array, string, number, `true`, `false`, null

            var description: String {
                switch self {
                case .object: "an object"
                case .array: "an array"
                case .string: "a string"
                case .number: "a number"
                case .true: "true"
                case .false: "false"
                case .null: "null"
                }
            }
        }

        var kind: Kind
        /// Strings only: the text has a backslash escape.
        var hasEscapes = false
        /// Where the value starts (a string's opening quote).
        var offset: Int
        /// Strings: one past the last byte before the closing quote; numbers: one past the last digit.
        var end: Int
        /// The index of the first node after this value and everything inside it.
        var after: Int
        /// Arrays: the number of elements; objects: the number of members.
        var count = 0
        /// Objects: the `keyBit` of every key (all bits if a key has escapes),
        /// so that most lookups of an absent key need no scan.
        var keyBits: UInt64 = 0
    }

    /// One of 64 bits chosen from a key's length and first and last bytes.
    static func keyBit(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = key.first, let last = key.last else { return 1 }
        return 1 << ((UInt64(key.count) &* 7 &+ UInt64(first) &* 3 &+ UInt64(last)) & 63)
    }

    let bytes: [UInt8]
    let nodes: [Node]
    /// Column types already parsed, by a hash of their spelling, with the string
    /// node they came from: a snapshot repeats a handful of spellings thousands of times.
    private var columnTypes: [UInt64: (node: Int, type: ColumnType)] = [:]

    init(parsing bytes: [UInt8]) throws(SnapshotDecodingError) {
        self.bytes = bytes
        self.nodes = try JSONParser.parse(bytes)
    }

    var root: JSONValue { JSONValue(document: self, index: 0) }

    /// The text of the string node at `index`, escapes resolved.
    func string(at index: Int) -> String {
        let node = nodes[index]
        guard node.hasEscapes else {
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[(node.offset + 1)..<node.end]), as: UTF8.self) }
        }
        let content = bytes[(node.offset + 1)..<node.end]
        var utf8: [UInt8] = []
        utf8.reserveCapacity(content.count)
        var i = content.startIndex
        while i < content.endIndex {
            let byte = content[i]
            i += 1
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                continue
            }
            let escape = content[i]
            i += 1
            switch escape {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var code = Self.hexValue(content[i..<(i + 4)])
                i += 4
                if (0xD800...0xDBFF).contains(code) {  // a surrogate pair: the parser checked the low half follows
                    code = 0x10000 + ((code - 0xD800) << 10) + (Self.hexValue(content[(i + 2)..<(i + 6)]) - 0xDC00)
                    i += 6
                }
                Unicode.UTF8.encode(Unicode.Scalar(code)!) { utf8.append($0) }
            default: utf8.append(escape)  // `"`, `\` and `/` stand for themselves
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Finds the member named `key` in the object at node `object` (which has
    /// `count` members): scans from `start` (a member's number and the index
    /// of its key node), wrapping around, and returns the same pair for the
    /// member found.
    func member(
        _ key: StaticString, ofObjectAt object: Int, count: Int, from start: (position: Int, keyIndex: Int)
    ) -> (position: Int, keyIndex: Int)? {
        key.withUTF8Buffer { key in
            guard nodes[object].keyBits & Self.keyBit(key) != 0 else { return nil }
            var (position, keyIndex) = start
            for _ in 0..<count {
                if position == count { (position, keyIndex) = (0, object + 1) }  // wrap around
                let node = nodes[keyIndex]
                let text = node.offset + 1
                if node.hasEscapes {
                    if string(at: keyIndex).utf8.elementsEqual(key) { return (position, keyIndex) }
                } else if node.end - text == key.count {
                    var i = 0
                    while i < key.count && bytes[text + i] == key[i] { i += 1 }
                    if i == key.count { return (position, keyIndex) }
                }
                (position, keyIndex) = (position + 1, nodes[keyIndex + 1].after)
            }
            return nil
        }
    }

    /// The value of four hex digits (already checked by the parser).
    static func hexValue(_ digits: some Collection<UInt8>) -> UInt32 {
        digits.reduce(0) { value, digit in
            let nibble: UInt8 =
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
                default: digit - UInt8(ascii: "A") + 10
                }
            return value << 4 | UInt32(nibble)
        }
    }

    /// A column type read earlier from a string node with the same text as the node at `index`.
    func knownColumnType(at index: Int) -> ColumnType? {
        guard let known = columnTypes[spellingHash(at: index)] else { return nil }
        return sameText(known.node, index) ? known.type : nil
    }

    /// Remembers the type read from the string node at `index` (the first spelling wins a hash clash).
    func remember(_ type: ColumnType, readAt index: Int) {
        let hash = spellingHash(at: index)
        if columnTypes[hash] == nil { columnTypes[hash] = (index, type) }
    }

    /// FNV-1a over the node's bytes (quotes included).
    private func spellingHash(at index: Int) -> UInt64 {
        let node = nodes[index]
        return bytes.withUnsafeBufferPointer { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in node.offset..<node.end { hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
            return hash
        }
    }

    private func sameText(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (nodes[a], nodes[b])
        guard x.end - x.offset == y.end - y.offset else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            (0..<(x.end - x.offset)).allSatisfy { bytes[x.offset + $0] == bytes[y.offset + $0] }
        }
    }
}
