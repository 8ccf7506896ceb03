import SchemacIR

/// Collects the steps of one plan, in the order they must run.
struct PlanBuilder {
    let old: Schema
    let new: Schema
    private(set) var steps: [MigrationStep] = []

    init(old: Schema, new: Schema) {
        self.old = old
        self.new = new
    }

    mutating func add(_ operation: Operation, _ subject: String, hazards: [Hazard] = [], transactional: Bool = true, commitAfter: Bool = false) {
        steps.append(MigrationStep(operation, subject: subject, hazards: hazards, transactional: transactional, commitAfter: commitAfter))
    }

    mutating func build() {
        if new.name != "public" && (old.name != new.name || isEmpty(old)) {
            add(.createSchema(new.name), "schema \(new.name)")
        }
        for name in new.extensions where !old.extensions.contains(name) {
            add(.createExtension(name), "extension \(name)")
        }
        let oldEnums = Set(old.enums.map(\.name))
        for type in new.enums where !oldEnums.contains(type.name) {
            add(.createEnum(type), "enum \(type.name)")
        }
        let oldTables = Set(old.tables.map(\.name))
        let newTables = Set(new.tables.map(\.name))
        dropTables(old.tables.filter { !newTables.contains($0.name) })
        createTables(new.tables.filter { !oldTables.contains($0.name) })
        let newEnums = Set(new.enums.map(\.name))
        for type in old.enums where !newEnums.contains(type.name) {
            add(.dropEnum(type.name), "enum \(type.name)", hazards: [Hazard(.deletesData, "drops enum \(type.name)")])
        }
    }

    private func isEmpty(_ schema: Schema) -> Bool { schema.tables.isEmpty && schema.enums.isEmpty && schema.extensions.isEmpty }
}
