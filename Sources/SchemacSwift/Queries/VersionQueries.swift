import SchemacIR
import SchemacSQL

/// The SCD2 queries of a dimension model.
struct VersionQueries {
    let model: ModelBuilder
    let sql: VersionQuerySQL

    private var key: String {
        (model.table.dimension?.businessKey ?? []).map { "`\($0)`" }.joined(separator: ", ")
    }

    var specs: [QuerySpec] {
        [
            QuerySpec(
                name: "CurrentVersion",
                doc: ["The current version of the row with the given business key (\(key)), if there is one."],
                statement: sql.currentVersion(), row: model.typeName),
            QuerySpec(
                name: "VersionAt",
                doc: [
                    "The version valid at the instant `at`: `valid_from <= at < valid_to`. At the instant one version",
                    "ends and the next begins, this is the next one.",
                ],
                statement: sql.versionAt(), row: model.typeName),
            QuerySpec(name: "RecordVersion", doc: recordDoc, statement: sql.recordVersion(), row: model.typeName),
        ]
    }

    private var recordDoc: [String] {
        var doc = [
            "Records a new version in one statement: closes the current version with the same business key",
            "(\(key)) at `validFrom`, if there is one, and inserts the new version valid from then on.",
            "Returns the new version.",
        ]
        if model.table.dimension?.hierarchy != nil {
            doc += ["", "The closed version's current children are re-pointed to the new version in the same statement."]
        }
        return doc
    }
}
