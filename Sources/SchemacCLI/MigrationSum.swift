/// `migrations/schemac.sum`: the SHA-256 of every migration file and of the
/// whole list, so that an edited, added or deleted migration is detected.
public struct MigrationSum: Equatable, Sendable {
    public static let fileName = "schemac.sum"

    /// File name → hex digest, for every `.sql` file in the migrations folder.
    public var digests: [String: String]

    public init(files: [String: [UInt8]]) {
        digests = files.mapValues { SHA256.hex($0) }
    }

    init(digests: [String: String]) { self.digests = digests }

    /// This sum with `other`'s files added (theirs win on a name in both).
    func adding(_ other: MigrationSum) -> MigrationSum {
        MigrationSum(digests: digests.merging(other.digests) { $1 })
    }

    /// The file's text: a header, the total, then one line per file in name order.
    public var text: String {
        let lines = digests.keys.sorted().map { "\(digests[$0]!)  \($0)" }
        let total = SHA256.hex(Array(lines.joined(separator: "\n").utf8))
        return (["# schemac.sum: SHA-256 of every migration file. Written by schemac generate; do not edit.", "total \(total)"] + lines)
            .joined(separator: "\n") + "\n"
    }

    /// Parses a sum file; nil when it is malformed.
    public static func parse(_ text: String) -> MigrationSum? {
        var digests: [String: String] = [:]
        var total: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            if line.hasPrefix("total ") {
                total = String(line.dropFirst(6))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            digests[String(parts[1]).trimmingLeadingSpaces()] = String(parts[0])
        }
        let sum = MigrationSum(digests: digests)
        guard let total, sum.text.contains("total \(total)\n") else { return nil }
        return sum
    }

    /// What differs between the recorded sum and the files on disk, in plain words.
    public func problems(comparedWith actual: MigrationSum) -> [String] {
        var problems: [String] = []
        for name in Set(digests.keys).union(actual.digests.keys).sorted() {
            switch (digests[name], actual.digests[name]) {
            case (nil, _?): problems.append("migration \(name) is not recorded in \(Self.fileName) (added by hand?)")
            case (_?, nil): problems.append("migration \(name) is recorded in \(Self.fileName) but missing")
            case let (a?, b?) where a != b: problems.append("migration \(name) was edited after it was generated")
            default: break
            }
        }
        return problems
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
