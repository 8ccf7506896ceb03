/// Why a snapshot could not be read: where in the document (a path such as
/// `tables[3].columns[0].type`, and the line and column) and what was wrong.
public struct SnapshotDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum PathComponent: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// From the document root down to the offending value; empty for the root
    /// itself and for syntax errors.
    public var path: [PathComponent]
    public var message: String
    /// 1-based position of the offending value or character.
    public var line: Int
    public var column: Int

    public init(_ message: String, path: [PathComponent] = [], line: Int, column: Int) {
        self.message = message
        self.path = path
        self.line = line
        self.column = column
    }

    /// The error as seen from one level up: `component` is prefixed to the path.
    func inside(_ component: PathComponent) -> SnapshotDecodingError {
        var outer = self
        outer.path.insert(component, at: 0)
        return outer
    }

    /// `tables[3].columns[0].type`, or `the document` for the root.
    public var pathText: String {
        guard !path.isEmpty else { return "the document" }
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += (text.isEmpty ? "" : ".") + key
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }

    public var description: String { "\(pathText) (line \(line), column \(column)): \(message)" }
}

extension SnapshotDecodingError {
    /// The error for the byte at `offset` of `bytes`, with its 1-based line and column.
    init(_ message: String, at offset: Int, in bytes: some RandomAccessCollection<UInt8>) {
        let bytes = Array(bytes)
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[lineStart..<min(offset, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        self.init(message, line: line, column: column)
    }
}
