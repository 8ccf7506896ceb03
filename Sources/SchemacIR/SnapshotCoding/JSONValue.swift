/// A value `Snapshot.decode` can read from a parsed document. Errors carry the
/// position of the offending value; callers add the path on the way out.
protocol SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError)
}

/// One value of a `JSONDocument`, as handed to `init(json:)`.
struct JSONValue {
    let document: JSONDocument
    let index: Int

    var node: JSONDocument.Node { document.nodes[index] }
    var isNull: Bool { node.kind == .null }

    /// An error about this value, at its line and column.
    func error(_ message: String) -> SnapshotDecodingError {
        SnapshotDecodingError(message, at: node.offset, in: document.bytes)
    }

    func expected(_ what: String) -> SnapshotDecodingError {
        error("expected \(what), found \(node.kind)")
    }

    /// Reads an object: `body` asks for the keys it knows, and any other key is an error.
    func object<T>(_ body: (inout JSONObject) throws(SnapshotDecodingError) -> T) throws(SnapshotDecodingError) -> T {
        var object = try JSONObject(self)
        let result = try body(&object)
        try object.rejectUnreadKeys()
        return result
    }
}

/// The members of an object, looked up by key in any order. Remembers which
/// keys were read, so that unknown and duplicate keys can be reported.
struct JSONObject {
    private let value: JSONValue
    private let count: Int
    /// Bit `n` is set once the `n`th member has been read.
    private var read: UInt64 = 0
    /// Where the next lookup starts: just after the last member found, since
    /// keys are mostly asked for in the order they are stored.
    private var hint = (position: 0, keyIndex: 0)

    fileprivate init(_ value: JSONValue) throws(SnapshotDecodingError) {
        guard value.node.kind == .object else { throw value.expected("an object") }
        count = value.node.count
        guard count <= 64 else { throw value.error("expected an object with at most 64 keys, found \(count) keys") }
        self.value = value
        hint.keyIndex = value.index + 1
    }

    /// The value of a key that must be present.
    mutating func required<T: SnapshotDecodable>(_ key: StaticString) throws(SnapshotDecodingError) -> T {
        guard let member = member(key) else { throw value.error("missing key \"\(key)\"") }
        return try decode(member, key)
    }

    /// The value of a key that may be missing or null.
    mutating func optional<T: SnapshotDecodable>(_ key: StaticString) throws(SnapshotDecodingError) -> T? {
        guard let member = member(key), !member.isNull else { return nil }
        return try decode(member, key) as T
    }

    private func decode<T: SnapshotDecodable>(_ member: JSONValue, _ key: StaticString) throws(SnapshotDecodingError) -> T {
        do {
            return try T(json: member)
        } catch {
            throw error.inside(.key(key.description))
        }
    }

    /// The member named `key` (any one of them, if repeated: `rejectUnreadKeys`
    /// reports the others), marked as read.
    private mutating func member(_ key: StaticString) -> JSONValue? {
        let document = value.document
        guard let (position, keyIndex) = document.member(key, ofObjectAt: value.index, count: count, from: hint) else { return nil }
        read |= 1 << position
        let valueIndex = keyIndex + 1
        hint = (position + 1, document.nodes[valueIndex].after)
        return JSONValue(document: document, index: valueIndex)
    }

    fileprivate func rejectUnreadKeys() throws(SnapshotDecodingError) {
        guard read.nonzeroBitCount != count else { return }
        let document = value.document
        var keyIndices: [Int] = []
        var keyIndex = value.index + 1
        for _ in 0..<count {
            keyIndices.append(keyIndex)
            keyIndex = document.nodes[keyIndex + 1].after
        }
        let keys = keyIndices.map(document.string(at:))
        for position in 0..<count where read & (1 << position) == 0 {
            let key = keys[position]
            let problem = keys.filter { $0 == key }.count > 1 ? "duplicate key \"\(key)\"" : "unknown key \"\(key)\""
            throw JSONValue(document: document, index: keyIndices[position]).error(problem)
        }
    }
}

// MARK: - Scalars and arrays

extension String: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        guard json.node.kind == .string else { throw json.expected("a string") }
        self = json.document.string(at: json.index)
    }
}

extension Bool: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        switch json.node.kind {
        case .true: self = true
        case .false: self = false
        default: throw json.expected("true or false")
        }
    }
}

extension Int: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        let node = json.node
        guard node.kind == .number else { throw json.expected("an integer") }
        let text = String(decoding: json.document.bytes[node.offset..<node.end], as: UTF8.self)
        guard let value = Int(text) else { throw json.error("expected an integer, found \(text)") }
        self = value
    }
}

extension Array: SnapshotDecodable where Element: SnapshotDecodable {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        let node = json.node
        guard node.kind == .array else { throw json.expected("an array") }
        self = []
        reserveCapacity(node.count)
        var elementIndex = json.index + 1
        for position in 0..<node.count {
            do {
                append(try Element(json: JSONValue(document: json.document, index: elementIndex)))
            } catch {
                throw error.inside(.index(position))
            }
            elementIndex = json.document.nodes[elementIndex].after
        }
    }
}

/// String-backed enums are stored as their raw value.
extension SnapshotDecodable where Self: RawRepresentable, RawValue == String {
    init(json: JSONValue) throws(SnapshotDecodingError) {
        let raw = try String(json: json)
        guard let value = Self(rawValue: raw) else { throw json.error("\"\(raw)\" is not a valid \(Self.self)") }
        self = value
    }
}
