/// A 1-based position in a schema file, carried by IR elements for diagnostics.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// Wraps data that belongs to the source, not to the schema: where an element
/// was written, or a rename hint. It never takes part in equality, hashing or
/// the snapshot, so moving a definition to another file, or removing a
/// `renamed_from` after the rename, changes nothing.
@propertyWrapper
public struct SourceOnly<Value: Sendable>: Hashable, Sendable, Codable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public static func == (_: Self, _: Self) -> Bool { true }
    public func hash(into _: inout Hasher) {}

    public init(from _: Decoder) throws { wrappedValue = nil }
    public func encode(to _: Encoder) throws {}
}

// The synthesized Codable conformances call these overloads (they are more
// specific than the generic ones), so SourceOnly fields leave no key behind.
extension KeyedEncodingContainer {
    public mutating func encode<V>(_: SourceOnly<V>, forKey _: Key) throws {}
}

extension KeyedDecodingContainer {
    public func decode<V>(_: SourceOnly<V>.Type, forKey _: Key) throws -> SourceOnly<V> {
        SourceOnly(wrappedValue: nil)
    }
}
