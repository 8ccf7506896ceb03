import Foundation
import PostgresHarness

/// How the oracle compares a migrated database with a freshly created one.
extension CatalogSnapshot {
    /// `lines` with column positions taken out: a column added to an existing
    /// table goes at its end (spec §3), so columns compare as a set keyed by name.
    /// With `ignoringExtensions`, extension lines go too: down migrations never
    /// drop extensions (spec §8), so an older version may legitimately have more.
    func oracleLines(ignoringExtensions: Bool = false) -> [String] {
        lines.compactMap { line in
            if ignoringExtensions && line.hasPrefix("extension ") { return nil }
            guard line.hasPrefix("column "), let hash = line.range(of: " #") else { return line }
            guard let colon = line[hash.upperBound...].firstIndex(of: ":") else { return line }
            return String(line[..<hash.lowerBound]) + String(line[colon...])
        }
    }

    /// What differs from `self` (the migrated database) to `expected`: `- ` only
    /// in the migrated one, `+ ` only in the expected one. Empty when equivalent.
    func oracleDiff(against expected: CatalogSnapshot, ignoringExtensions: Bool = false) -> [String] {
        let mine = oracleLines(ignoringExtensions: ignoringExtensions)
        let theirs = expected.oracleLines(ignoringExtensions: ignoringExtensions)
        let mineSet = Set(mine), theirSet = Set(theirs)
        let removed = mine.filter { !theirSet.contains($0) }.map { ($0, "- ") }
        let added = theirs.filter { !mineSet.contains($0) }.map { ($0, "+ ") }
        return (removed + added).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { $0.1 + $0.0 }
    }
}

extension TestDatabase {
    /// Empties `schema` and runs `sql` (a `schemac sql` script) in it: a fresh
    /// database for the oracle without the cost of CREATE DATABASE.
    func rebuild(schema: String, sql: String) throws {
        let name = "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try run(sql: "DROP SCHEMA IF EXISTS \(name) CASCADE;\nCREATE SCHEMA \(name);\n" + sql)
    }

    func snapshot(_ schema: String) throws -> CatalogSnapshot { try CatalogSnapshot.read(from: self, schema: schema) }

    func fastSnapshot(_ schema: String) throws -> CatalogSnapshot { try CatalogSnapshot.readFast(from: self, schema: schema) }
}

/// The seed of a randomized test: `SCHEMAC_SEED` (decimal or 0x-hex) or the fixed default.
enum OracleSeed {
    static func value(default fallback: UInt64) -> UInt64 {
        guard let text = OracleSettings.text("SCHEMAC_SEED") else { return fallback }
        if text.lowercased().hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? fallback }
        return UInt64(text) ?? fallback
    }
}

/// Knobs for longer local runs of the walk (CI uses the defaults).
enum OracleSettings {
    static func text(_ name: String) -> String? {
        let value = ProcessInfo.processInfo.environment[name]?.trimmingCharacters(in: .whitespaces)
        return value?.isEmpty == false ? value : nil
    }

    /// A positive integer from the environment, or `fallback`.
    static func count(_ name: String, default fallback: Int) -> Int {
        text(name).flatMap(Int.init).map { max(1, $0) } ?? fallback
    }
}
