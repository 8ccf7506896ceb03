import Foundation
@testable import SchemacCLI
import Testing

/// schemac.sum relies on this SHA-256: FIPS 180-4 test vectors, and agreement
/// with the system's `sha256sum` on inputs around the block boundaries.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test(arguments: [false, true])
    func oneMillionAs(hardware: Bool) {
        guard !hardware || SHA256.hasHardwareSupport else { return }
        let digest = SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000), hardware: hardware)
        #expect(digest.map { String(format: "%02x", $0) }.joined() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func agreesWithSha256sumAroundBlockBoundaries() throws {
        for length in [55, 56, 63, 64, 65, 119, 120, 128, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = NSTemporaryDirectory() + "schemac-sha-\(length)-\(UUID().uuidString)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(SHA256.hex(bytes) == String(output.prefix(64)), "length \(length)")
        }
    }

    /// The hardware path (SHA instructions) and the portable one give the same
    /// digests, on every length around the block boundaries and on a large input.
    @Test(.enabled(if: SHA256.hasHardwareSupport, "this CPU has no SHA instructions: only the portable path runs"))
    func hardwareAndPortablePathsAgree() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...300) + [1000, 4096, 65_537, 3_000_001] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.digest(bytes, hardware: true) == SHA256.digest(bytes, hardware: false), "length \(length)")
        }
        let abc = Array("abc".utf8)
        #expect(SHA256.digest(abc, hardware: true).map { String(format: "%02x", $0) }.joined()
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
