import Foundation

/// Gadget rows as hand-written SQL literals, and the Swift values they must decode to.
enum GadgetSamples {
    /// Column → SQL literal for a row with every column set, `_or_null` ones included.
    static let filledSQL: [(String, String)] = [
        ("maker", "'ACME'"), ("serial", "1"),
        ("smallint_value", "-32768"), ("smallint_or_null", "7"),
        ("integer_value", "2147483647"), ("integer_or_null", "-1"),
        ("bigint_value", "-9223372036854775808"), ("bigint_or_null", "42"),
        ("numeric_value", "12345678.1234"), ("numeric_or_null", "0.000001"),
        ("real_value", "1.5"), ("real_or_null", "-0.25"),
        ("double_value", "3.141592653589793"), ("double_or_null", "1e300"),
        ("boolean_value", "true"), ("boolean_or_null", "false"),
        ("text_value", "E'O''Brien\\nsays ü 🙂'"), ("text_or_null", "''"),
        ("varchar_value", "'varchar'"), ("varchar_or_null", "'v'"),
        ("char_value", "'ab'"), ("char_or_null", "'xyz'"),
        ("date_value", "'2024-02-29'"), ("date_or_null", "'1999-12-31'"),
        ("timestamp_value", "'2024-01-02 03:04:05.5'"), ("timestamp_or_null", "'1970-01-01 00:00:00'"),
        ("timestamptz_value", "'2024-01-02 03:04:05.25+02'"), ("timestamptz_or_null", "'2000-01-01 00:00:00+00'"),
        ("time_value", "'13:45:30.5'"), ("time_or_null", "'00:00:00'"),
        ("interval_value", "'1 year 2 months 3 days 04:05:06'"), ("interval_or_null", "'-1 day'"),
        ("uuid_value", "'6f1c1d7e-3b8a-4c1e-9d2f-0123456789ab'"), ("uuid_or_null", "'00000000-0000-0000-0000-000000000000'"),
        ("json_value", #"'{"b": 1, "a": [true, null]}'"#), ("json_or_null", "'[]'"),
        ("jsonb_value", #"'{"b": 1, "a": [true, null]}'"#), ("jsonb_or_null", "'\"text\"'"),
        ("bytea_value", "'\\x00ff10'"), ("bytea_or_null", "''"),
        ("mood_value", "'in-progress'"), ("mood_or_null", "'🙂'"),
        ("smallint_array", "ARRAY[1, -2]"), ("integer_array", "ARRAY[]::integer[]"),
        ("bigint_array", "ARRAY[9007199254740993]"), ("numeric_array", "ARRAY[1.50, 2]"),
        ("real_array", "ARRAY[0.25]"), ("double_array", "ARRAY[1e300, -0.5]"),
        ("boolean_array", "ARRAY[true, false]"), ("text_array", #"ARRAY['a,b', 'c"d', '']"#),
        ("varchar_array", "ARRAY['x']"), ("date_array", "ARRAY['2024-01-01'::date]"),
        ("timestamptz_array", "ARRAY['2024-01-01 00:00:00+00'::timestamptz]"),
        ("time_array", "ARRAY['08:00'::time]"), ("interval_array", "ARRAY['1 day'::interval, '00:30'::interval]"),
        ("uuid_array", "ARRAY['6f1c1d7e-3b8a-4c1e-9d2f-0123456789ab'::uuid]"),
        ("jsonb_array", #"ARRAY['{"k": 1}'::jsonb, 'null'::jsonb]"#), ("bytea_array", "ARRAY['\\x01'::bytea]"),
        ("mood_array", "ARRAY['happy', 'Sad Face']::lab.mood[]"), ("text_array_or_null", "ARRAY['t']"),
        ("mood_array_or_null", "ARRAY[]::lab.mood[]"),
    ]

    /// The same row with every `_or_null` column left out, so they are NULL.
    static var nullsSQL: [(String, String)] {
        filledSQL.filter { !$0.0.hasSuffix("_or_null") }.map { $0.0 == "serial" ? ($0.0, "2") : $0 }
    }

    static func insert(_ row: [(String, String)]) -> String {
        "INSERT INTO lab.t_d_gadget (\(row.map(\.0).joined(separator: ", "))) VALUES (\(row.map(\.1).joined(separator: ", ")));"
    }

    /// What `filledSQL` decodes to; the columns schemac fills come from `system`.
    static func filled(system: Gadget) -> Gadget {
        var gadget = nulls(system: system)
        gadget.serial = 1
        gadget.smallintOrNull = 7
        gadget.integerOrNull = -1
        gadget.bigintOrNull = 42
        gadget.numericOrNull = Decimal(string: "0.000001")
        gadget.realOrNull = -0.25
        gadget.doubleOrNull = 1e300
        gadget.booleanOrNull = false
        gadget.textOrNull = ""
        gadget.varcharOrNull = "v"
        gadget.charOrNull = "xyz"
        gadget.dateOrNull = utc("1999-12-31T00:00:00Z")
        gadget.timestampOrNull = Date(timeIntervalSince1970: 0)
        gadget.timestamptzOrNull = utc("2000-01-01T00:00:00Z")
        gadget.timeOrNull = "00:00:00"
        gadget.intervalOrNull = "-1 days"
        gadget.uuidOrNull = UUID(uuidString: "00000000-0000-0000-0000-000000000000")
        gadget.jsonOrNull = "[]"
        gadget.jsonbOrNull = "\"text\""
        gadget.byteaOrNull = Data()
        gadget.moodOrNull = .value
        gadget.textArrayOrNull = ["t"]
        gadget.moodArrayOrNull = []
        return gadget
    }

    /// What `nullsSQL` decodes to.
    static func nulls(system: Gadget) -> Gadget {
        Gadget(
            id: system.id, maker: "ACME", serial: 2, smallintValue: .min, integerValue: .max, bigintValue: .min,
            numericValue: Decimal(string: "12345678.1234")!, realValue: 1.5, doubleValue: .pi, booleanValue: true,
            textValue: "O'Brien\nsays ü 🙂", varcharValue: "varchar", charValue: "ab ",
            dateValue: utc("2024-02-29T00:00:00Z"), timestampValue: utc("2024-01-02T03:04:05.500Z"),
            timestamptzValue: utc("2024-01-02T01:04:05.250Z"), timeValue: "13:45:30.5",
            intervalValue: "1 year 2 mons 3 days 04:05:06", uuidValue: UUID(uuidString: "6f1c1d7e-3b8a-4c1e-9d2f-0123456789ab")!,
            jsonValue: #"{"b": 1, "a": [true, null]}"#, jsonbValue: #"{"a": [true, null], "b": 1}"#,
            byteaValue: Data([0x00, 0xFF, 0x10]), moodValue: .inProgress, smallintArray: [1, -2], integerArray: [],
            bigintArray: [9_007_199_254_740_993], numericArray: [Decimal(string: "1.5")!, 2], realArray: [0.25],
            doubleArray: [1e300, -0.5], booleanArray: [true, false], textArray: ["a,b", "c\"d", ""], varcharArray: ["x"],
            dateArray: [utc("2024-01-01T00:00:00Z")], timestamptzArray: [utc("2024-01-01T00:00:00Z")],
            timeArray: ["08:00:00"], intervalArray: ["1 day", "00:30:00"],
            uuidArray: [UUID(uuidString: "6f1c1d7e-3b8a-4c1e-9d2f-0123456789ab")!], jsonbArray: [#"{"k": 1}"#, "null"],
            byteaArray: [Data([0x01])], moodArray: [.happy, .sadFace], validFrom: system.validFrom,
            validTo: system.validTo, isCurrent: system.isCurrent, createdAt: system.createdAt, updatedAt: system.updatedAt)
    }

    /// `2024-01-02T03:04:05.500Z` → Date; fractions of a second in binary-exact steps only.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { preconditionFailure("bad date literal \(text)") }
        return date
    }
}
