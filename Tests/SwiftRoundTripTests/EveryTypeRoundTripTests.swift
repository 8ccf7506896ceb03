import Foundation
import PostgresKit
import Testing

/// Rows written with hand-written SQL are read back into the generated types through
/// PostgresKit's Codable row decoding, and values bound from the generated types are
/// stored as they were: every DSL type, NULLs and empty arrays included.
@Suite struct EveryTypeRoundTripTests {
    @Test func rowsWrittenWithSQLDecodeIntoTheModel() async throws {
        try await LabDatabase.with(label: "swift_decode") { lab in
            try lab.psql(GadgetSamples.insert(GadgetSamples.filledSQL) + GadgetSamples.insert(GadgetSamples.nullsSQL))
            let rows = try await lab.sql.rows(of: Gadget.self)
            try #require(rows.count == 2)
            #expect(rows[0] == GadgetSamples.filled(system: rows[0]))
            #expect(rows[1] == GadgetSamples.nulls(system: rows[1]))
            #expect(rows[1].moodOrNull == nil && rows[1].textArrayOrNull == nil && rows[1].byteaOrNull == nil)
        }
    }

    @Test func typedQueriesDecodeTheSameRows() async throws {
        try await LabDatabase.with(label: "swift_typed") { lab in
            try lab.psql(GadgetSamples.insert(GadgetSamples.filledSQL))
            let found = try await lab.sql.all(Gadget.CurrentVersion.self, .init(maker: "ACME", serial: 1))
            try #require(found.count == 1)
            #expect(found[0] == GadgetSamples.filled(system: found[0]))
            #expect(try await lab.sql.all(Gadget.CurrentVersion.self, .init(maker: "ACME", serial: 9)).isEmpty)
        }
    }

    @Test func everyTypeBindsAsAParameter() async throws {
        try await LabDatabase.with(label: "swift_bind") { lab in
            let start = GadgetSamples.utc("2024-01-01T00:00:00Z")
            for sample in [GadgetSamples.filled(system: .zero), GadgetSamples.nulls(system: .zero)] {
                let stored = try await lab.sql.all(Gadget.RecordVersion.self, .init(sample, validFrom: start))
                try #require(stored.count == 1)
                #expect(stored[0] == sample.withSystemColumns(of: stored[0]))
                #expect(stored[0].validFrom == start)
            }
            // The database agrees with what the model says it stored.
            let text = try lab.query("SELECT text_value, mood_array::text, bytea_value::text FROM lab.t_d_gadget WHERE serial = 1")
            #expect(text == [["O'Brien\nsays ü 🙂", "{happy,\"Sad Face\"}", "\\x00ff10"]])
        }
    }
}

extension Gadget {
    static var zero: Gadget {
        let epoch = Date(timeIntervalSince1970: 0)
        return Gadget(
            id: 0, maker: "", serial: 0, smallintValue: 0, integerValue: 0, bigintValue: 0, numericValue: 0, realValue: 0,
            doubleValue: 0, booleanValue: false, textValue: "", varcharValue: "", charValue: "", dateValue: epoch,
            timestampValue: epoch, timestamptzValue: epoch, timeValue: "", intervalValue: "", uuidValue: UUID(),
            jsonValue: "", jsonbValue: "", byteaValue: Data(), moodValue: .happy, smallintArray: [], integerArray: [],
            bigintArray: [], numericArray: [], realArray: [], doubleArray: [], booleanArray: [], textArray: [],
            varcharArray: [], dateArray: [], timestamptzArray: [], timeArray: [], intervalArray: [], uuidArray: [],
            jsonbArray: [], byteaArray: [], moodArray: [], validFrom: epoch, validTo: epoch, isCurrent: false,
            createdAt: epoch, updatedAt: epoch)
    }

    /// This row with the columns schemac fills (key, validity, timestamps) taken from `other`.
    func withSystemColumns(of other: Gadget) -> Gadget {
        var copy = self
        copy.id = other.id
        copy.validFrom = other.validFrom
        copy.validTo = other.validTo
        copy.isCurrent = other.isCurrent
        copy.createdAt = other.createdAt
        copy.updatedAt = other.updatedAt
        return copy
    }
}
