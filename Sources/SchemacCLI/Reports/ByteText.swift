/// Text built by appending UTF-8 bytes to one buffer. `String +=` re-checks
/// capacity and encoding on every small piece; the ERD of thousands of tables
/// is made of hundreds of thousands of pieces.
struct ByteText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    static func += (text: inout ByteText, piece: String) {
        text.bytes.append(contentsOf: piece.utf8)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
