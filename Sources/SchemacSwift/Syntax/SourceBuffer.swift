/// The UTF-8 text of one generated file, written line by line into one growing buffer.
///
/// The renderer writes a layout before it knows whether it fits: it measures what it
/// wrote and, when it does not fit, takes it back (`rewind(to:)`) and writes the broken
/// layout instead. That costs far less than building each candidate line as a String
/// and splitting multi-line pieces again to indent them.
///
/// Text passed to `write` holds no line break: lines end only through `newline()`, so
/// `lineStart` always knows where the current line begins.
///
/// The bytes live in memory of its own rather than an `[UInt8]`: a file is written in
/// a few hundred small appends, and `Array.append(contentsOf:)` costs several times a
/// bounds check and a copy. Not copyable, so that memory has exactly one owner.
struct SourceBuffer: ~Copyable {
    static let indentWidth = 4
    static let newlineByte = UInt8(ascii: "\n")

    private var storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    /// Where the line being written begins.
    private(set) var lineStart = 0

    init(capacity: Int) {
        storage = .allocate(capacity: max(capacity, 64))
    }

    deinit { storage.deallocate() }

    /// The text written so far.
    var text: String { String(decoding: written(from: 0), as: UTF8.self) }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { Array(written(from: 0)) }

    /// A position to come back to.
    struct Mark {
        let count: Int
        fileprivate let lineStart: Int
    }

    var mark: Mark { Mark(count: count, lineStart: lineStart) }

    mutating func rewind(to mark: Mark) {
        count = mark.count
        lineStart = mark.lineStart
    }

    /// Whether nothing written since `mark` ended a line.
    func isOneLine(since mark: Mark) -> Bool { lineStart == mark.lineStart }

    /// The bytes from `start` on; valid until the next write.
    func written(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[start..<count])
    }

    /// An empty line, unless it would be the first line or follow an empty one.
    mutating func blankLine() {
        let lastLineIsEmpty = count == 1 || (count > 1 && storage[count - 2] == Self.newlineByte)
        if count > 0 && !lastLineIsEmpty { newline() }
    }

    @inline(__always)
    mutating func write(_ text: String) {
        assert(!text.utf8.contains(Self.newlineByte), "a line break inside \(text.debugDescription)")
        if text.utf8.withContiguousStorageIfAvailable({ write(bytes: $0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { write(bytes: $0) }
        }
    }

    /// Bytes without a line feed.
    @inline(__always)
    mutating func write(bytes text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress else { return }
        reserve(text.count)
        (storage.baseAddress! + count).update(from: source, count: text.count)
        count += text.count
    }

    mutating func write(byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// The indentation of a line `depth` levels deep.
    mutating func indent(_ depth: Int) {
        let width = depth * Self.indentWidth
        reserve(width)
        (storage.baseAddress! + count).initialize(repeating: UInt8(ascii: " "), count: width)
        count += width
    }

    mutating func newline() {
        write(byte: Self.newlineByte)
        lineStart = count
    }

    /// Whether the bytes from `start` on are all ASCII (one Character each).
    func isASCII(from start: Int) -> Bool {
        !written(from: start).contains { $0 >= 0x80 }
    }

    /// Whether the text from `start` to the end, followed by `suffix`, fits on a line
    /// `depth` levels deep.
    func fits(from start: Int, depth: Int, suffix: String = "", lineLength: Int) -> Bool {
        let room = lineLength - depth * Self.indentWidth
        let byteCount = count - start + suffix.utf8.count
        // Characters are never more than bytes: only a long line that is not all ASCII
        // needs its Characters counted.
        let line = written(from: start)
        guard byteCount > room, line.contains(where: { $0 >= 0x80 }) else { return byteCount <= room }
        return (String(decoding: line, as: UTF8.self) + suffix).count <= room
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { grow(toHold: count + extra) }
    }

    private mutating func grow(toHold minimum: Int) {
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(storage.count * 2, minimum))
        _ = grown.initialize(fromContentsOf: storage[..<count])
        storage.deallocate()
        storage = grown
    }
}
