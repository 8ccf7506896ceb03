import Foundation
import Testing

/// The naming edge cases' golden output (`Generated` → Fixtures/swift/naming/Swift)
/// compiles here with warnings as errors; these tests check that the spellings it
/// chose still map to the exact SQL names.
@Suite struct NamingModelTests {
    @Test func enumLabelsThatAreNotIdentifiersKeepTheirRawValues() {
        #expect(Status.inProgress.rawValue == "in-progress")
        #expect(Status._2fa.rawValue == "2fa")
        #expect(Status.value.rawValue == "🙂")
        #expect(Status.self_.rawValue == "self")
        #expect(Status.`default`.rawValue == "default")
        #expect(Status.active2.rawValue == "active")
        #expect(Status.x1_2.rawValue == "x_1")
        #expect(Status.allCases.count == 13)
    }

    @Test func keywordAndCollidingColumnsMapToTheirColumns() throws {
        let row = Date_(
            id: 1, default: "d", self_: 2, in: true, hashValue_: 3, rawValue_: "r", allCases_: "a", userName: "u",
            username: "v", aB: 4, aB2: 5, x1: 6, x1_2: 7, leading: "l", order: 8, when: .active2, kind: [.a])
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any]
        #expect(object?["default"] as? String == "d")
        #expect(object?["self"] as? Int == 2)
        #expect(object?["a__b"] as? Int == 5)
        #expect(object?["x_1"] as? Int == 7)
        #expect(object?["_leading"] as? String == "l")
        #expect(object?["when"] as? String == "active")
        #expect(try JSONDecoder().decode(Date_.self, from: JSONEncoder().encode(row)) == row)
    }

    @Test func typesNamedLikeTheGeneratedCodesOwnGetAnUnderscore() {
        #expect(Date_.table == "date")
        #expect(Column_.table == "column")
        #expect(Type_.table == "type")
        #expect(Children_.table == "children")
        #expect(AB.table == "a_b")
        #expect(Ab.table == "ab")
    }

    @Test func onlyASingleColumnKeyNotShadowedByAnIdColumnMakesAModelIdentifiable() {
        #expect((Type_.self as Any.Type) is any Identifiable.Type)
        #expect(!((Column_.self as Any.Type) is any Identifiable.Type))
        #expect(!((AB.self as Any.Type) is any Identifiable.Type))
        #expect(Type_(code: "k").id == "k")
    }

    @Test func sqlReservedNamesAreQuotedInQueries() {
        #expect(Order.CurrentVersion.sql.contains("WHERE \"user\" = $1 AND is_current"))
        #expect(Order.Descendants.sql.contains("c.depth AS closure_depth_2"))
        #expect(Date_.selectList.contains("\"order\", \"group\", \"user\", \"when\", kind::text[] AS kind"))
    }
}
