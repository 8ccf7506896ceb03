import Foundation
import Testing

/// The example warehouse's generated code (`Generated` → generated/Swift) compiles in
/// this target with warnings as errors; these tests use it the way an application would.
@Suite struct ExampleModelTests {
    @Test func modelsEncodeUnderTheirColumnNames() throws {
        let entry = BudgetEntry(
            id: 1, userId: 2, articleId: 3, financialCenterId: 4, costCenterId: 5, approverId: 2,
            entryDate: Date(timeIntervalSince1970: 0), kind: .actual, amount: Decimal(string: "12.5")!, quantity: 1,
            createdAt: Date(timeIntervalSince1970: 60))
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(entry)) as? [String: Any]
        let keys = Set(object?.keys.map { $0 } ?? [])
        #expect(keys.isSuperset(of: ["user_id", "financial_center_id", "entry_date", "amount", "kind"]))
        #expect(object?["note"] == nil, "a nil optional is left out")
        #expect(try JSONDecoder().decode(BudgetEntry.self, from: JSONEncoder().encode(entry)) == entry)
    }

    @Test func metadataNamesTheTableAndItsKeys() {
        #expect(Article.schema == "budget")
        #expect(Article.table == "t_d_article")
        #expect(Article.primaryKey == [.id])
        #expect(Article.businessKey == [.code])
        #expect(BudgetEntry.measures.map(\.rawValue) == ["amount", "quantity"])
        #expect(Article.Column.allCases.map(\.rawValue).contains("is_income"))
        #expect(ArticleHierarchy.primaryKey.map(\.rawValue) == ["ancestor_id", "descendant_id"])
    }

    @Test func enumsKeepTheirLabelsAndOrder() {
        #expect(EntryKind.allCases.map(\.rawValue) == ["plan", "actual", "correction"])
        #expect(CurrencyCode(rawValue: "eur") == .eur)
    }

    @Test func typedQueriesCarryTheirParameters() {
        let parameters = Article.RecordVersion.Parameters(
            code: "EXP", name: "Expenses", isIncome: false, parentId: nil, validFrom: Date(timeIntervalSince1970: 0))
        #expect(parameters.bindings.count == 5)
        #expect(Article.RecordVersion.sql.contains("$5"))
        #expect(User.CurrentVersion.sql.contains("WHERE email = $1 AND is_current"))
        #expect(identifier(of: Article(sample: 7)) == 7)
    }

    private func identifier<Model: Identifiable>(of model: Model) -> Model.ID { model.id }
}

extension Article {
    init(sample id: Int64) {
        let now = Date(timeIntervalSince1970: 0)
        self.init(
            id: id, code: "C\(id)", name: "Article \(id)", isIncome: false, validFrom: now, validTo: .distantFuture,
            isCurrent: true, createdAt: now, updatedAt: now)
    }
}
