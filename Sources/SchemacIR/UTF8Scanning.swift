extension String {
    /// Whether every UTF-8 byte satisfies `predicate`. Walks the string's
    /// contiguous storage directly: `utf8.allSatisfy` steps an index per byte,
    /// which the emitters feel when they check thousands of names and comments.
    @inlinable
    public func everyUTF8Byte(_ predicate: (UInt8) -> Bool) -> Bool {
        if let result = utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(predicate) }) { return result }
        return utf8.allSatisfy(predicate)
    }

    /// The number of Characters, counted from the bytes when the text is ASCII.
    @inlinable
    public var asciiFastCount: Int {
        everyUTF8Byte { $0 < 0x80 } ? utf8.count : count
    }
}
