import Foundation
import PostgresKit
import Testing

/// The SCD2 queries on real data, against hand-written SQL: the current version, the
/// version at an instant (written here with a range containment, not the generated
/// comparisons), and recording versions atomically.
@Suite struct VersionQueryTests {
    static let t1 = GadgetSamples.utc("2024-01-01T00:00:00Z")
    static let t2 = GadgetSamples.utc("2024-06-01T00:00:00Z")

    /// Two versions of (ACME, 1), switching at t2, and one of (ACME, 2).
    private func history(_ lab: LabDatabase) async throws -> (v1: Gadget, v2: Gadget) {
        var sample = GadgetSamples.filled(system: .zero)
        sample.textValue = "first"
        let v1 = try await lab.sql.all(Gadget.RecordVersion.self, .init(sample, validFrom: Self.t1))
        sample.textValue = "second"
        sample.moodArrayOrNull = nil
        let v2 = try await lab.sql.all(Gadget.RecordVersion.self, .init(sample, validFrom: Self.t2))
        _ = try await lab.sql.all(Gadget.RecordVersion.self, .init(GadgetSamples.nulls(system: .zero), validFrom: Self.t1))
        try #require(v1.count == 1 && v2.count == 1)
        return (v1[0], v2[0])
    }

    @Test func recordingAVersionClosesTheCurrentOneAtTheSameInstant() async throws {
        try await LabDatabase.with(label: "swift_scd2_record") { lab in
            let (v1, v2) = try await history(lab)
            let rows = try lab.query(
                """
                SELECT id, text_value, valid_from = '2024-01-01Z', valid_to = '2024-06-01Z', is_current
                FROM lab.t_d_gadget WHERE maker = 'ACME' AND serial = 1 ORDER BY valid_from
                """)
            #expect(rows == [["\(v1.id)", "first", "t", "t", "f"], ["\(v2.id)", "second", "f", "f", "t"]])
            #expect(v2.validFrom == Self.t2 && v2.isCurrent && v2.textValue == "second")
        }
    }

    @Test func currentVersionIsTheOpenOne() async throws {
        try await LabDatabase.with(label: "swift_scd2_current") { lab in
            _ = try await history(lab)
            let oracle = try lab.query("SELECT id FROM lab.t_d_gadget WHERE maker = 'ACME' AND serial = 1 AND valid_to = 'infinity'")
            let current = try await lab.sql.all(Gadget.CurrentVersion.self, .init(maker: "ACME", serial: 1))
            #expect(current.map { "\($0.id)" } == oracle.map { $0[0] })
            #expect(current.first?.textValue == "second")
        }
    }

    @Test func versionAtFollowsHalfOpenRanges() async throws {
        try await LabDatabase.with(label: "swift_scd2_at") { lab in
            _ = try await history(lab)
            let instants = [
                "2023-12-31T23:59:59Z", "2024-01-01T00:00:00Z", "2024-03-01T12:00:00Z", "2024-05-31T23:59:59.500Z",
                "2024-06-01T00:00:00Z", "2030-01-01T00:00:00Z",
            ]
            for instant in instants {
                let at = GadgetSamples.utc(instant)
                let oracle = try lab.query(
                    """
                    SELECT id FROM lab.t_d_gadget
                    WHERE maker = 'ACME' AND serial = 1 AND tstzrange(valid_from, valid_to, '[)') @> '\(instant)'::timestamptz
                    """)
                let found = try await lab.sql.all(Gadget.VersionAt.self, .init(maker: "ACME", serial: 1, at: at))
                #expect(found.map { "\($0.id)" } == oracle.map { $0[0] }, "at \(instant)")
            }
        }
    }

    @Test func aVersionThatWouldNotStartAfterTheCurrentOneChangesNothing() async throws {
        try await LabDatabase.with(label: "swift_scd2_atomic") { lab in
            _ = try await history(lab)
            let before = try lab.query("SELECT id, valid_from, valid_to, is_current FROM lab.t_d_gadget ORDER BY id")
            await #expect(throws: (any Error).self) {
                try await lab.sql.all(Gadget.RecordVersion.self, .init(GadgetSamples.filled(system: .zero), validFrom: Self.t1))
            }
            #expect(try lab.query("SELECT id, valid_from, valid_to, is_current FROM lab.t_d_gadget ORDER BY id") == before)
        }
    }
}
