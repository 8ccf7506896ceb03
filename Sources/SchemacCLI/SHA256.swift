import CSHA256

/// SHA-256 (FIPS 180-4), for `schemac.sum`. Small enough to keep the tool
/// free of a crypto dependency; checked against the standard test vectors and
/// `sha256sum` (Tests/SchemacTests/SHA256Tests.swift). Whole blocks go through
/// the CPU's SHA instructions when it has them (CSHA256, ~10× faster: the check
/// hashes every migration on every run); the portable rounds below are the
/// fallback, and the tests hold the two paths to the same digests.
public enum SHA256 {
    /// Whether this CPU runs the hardware path.
    static let hasHardwareSupport = schemac_sha256_hardware_available() != 0
    /// The round constants, shared with the hardware path (CSHA256).
    private static let roundConstants: [UInt32] = withUnsafeBytes(of: schemac_sha256_round_constants) {
        Array($0.bindMemory(to: UInt32.self))
    }

    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        digest(Array(bytes)).map { byte in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] {
        digest(message, hardware: hasHardwareSupport)
    }

    /// The digest through the hardware or the portable path (tests compare them).
    static func digest(_ message: [UInt8], hardware: Bool) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        // Whole blocks are read in place; only the tail is copied to be padded.
        let wholeBlocks = message.count / 64
        var tail = Array(message[(wholeBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        if hardware {
            var state = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
            state.withUnsafeMutableBufferPointer { state in
                message.withUnsafeBufferPointer { schemac_sha256_hardware_blocks(state.baseAddress, $0.baseAddress, wholeBlocks) }
                tail.withUnsafeBufferPointer { schemac_sha256_hardware_blocks(state.baseAddress, $0.baseAddress, $0.count / 64) }
            }
            h = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        } else {
            var w = [UInt32](repeating: 0, count: 64)
            w.withUnsafeMutableBufferPointer { schedule in
                message.withUnsafeBufferPointer { bytes in
                    for block in 0..<wholeBlocks { compress(&h, UnsafeBufferPointer(rebasing: bytes[(block * 64)..<(block * 64 + 64)]), schedule) }
                }
                tail.withUnsafeBufferPointer { bytes in
                    for block in 0..<(bytes.count / 64) { compress(&h, UnsafeBufferPointer(rebasing: bytes[(block * 64)..<(block * 64 + 64)]), schedule) }
                }
            }
        }
        return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    private static func compress(
        _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ block: UnsafeBufferPointer<UInt8>, _ w: UnsafeMutableBufferPointer<UInt32>
    ) {
        // Wrapping arithmetic and masking shifts throughout: the checked and
        // "smart" forms cost more than the rounds themselves.
        for i in 0..<16 {
            let j = i &* 4
            w[i] = UInt32(block[j]) &<< 24 | UInt32(block[j &+ 1]) &<< 16 | UInt32(block[j &+ 2]) &<< 8 | UInt32(block[j &+ 3])
        }
        for i in 16..<64 {
            let w15 = w[i &- 15], w2 = w[i &- 2]
            let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
            let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
            w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        roundConstants.withUnsafeBufferPointer { k in
            for i in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let choice = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
            }
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
