import SchemacIR

/// DSL column types → Swift types (the table in docs/swift.md). Every choice is a type
/// that Foundation has and that PostgresNIO / PostgresKit decode from the value as the
/// generated select lists read it.
enum SwiftTypeMapping {
    /// The Swift type of a value of `type`; `enumNames` gives the Swift name of each enum.
    static func swiftType(_ type: ColumnType, enumNames: [String: String]) -> String {
        switch type {
        case .smallint: "Int16"
        case .integer: "Int32"
        case .bigint: "Int64"
        case .numeric, .unconstrainedNumeric: "Decimal"
        case .real: "Float"
        case .doublePrecision: "Double"
        case .boolean: "Bool"
        case .text, .varchar, .char: "String"
        // timestamp (without time zone) is read as UTC, date as midnight UTC.
        case .date, .timestamp, .timestamptz: "Date"
        // No Foundation type holds a time of day or a calendar interval; select lists
        // read both as text ("13:45:00", "1 mon 2 days 03:00:00").
        case .time, .interval: "String"
        case .uuid: "UUID"
        // The JSON text, as stored: decode it with JSONDecoder into a type of your own.
        case .json, .jsonb: "String"
        case .bytea: "Data"
        case let .enumeration(name): enumNames[name] ?? SwiftNames.upperCamel(name)
        case let .array(element): "[" + swiftType(element, enumNames: enumNames) + "]"
        }
    }

    /// `T` or `T?`.
    static func swiftType(_ type: ColumnType, nullable: Bool, enumNames: [String: String]) -> String {
        swiftType(type, enumNames: enumNames) + (nullable ? "?" : "")
    }
}

/// The Swift names of a schema's types and of the files that hold them, allocated
/// once so every file agrees: enums first, then tables, each in snapshot order.
struct SchemaNames {
    /// Enum name → Swift type name.
    private(set) var enums: [String: String] = [:]
    /// Physical table name → Swift type name.
    private(set) var tables: [String: String] = [:]
    /// Swift type name → file name (without `.swift`), unique ignoring case.
    private(set) var files: [String: String] = [:]

    init(_ schema: Schema) {
        let count = schema.enums.count + schema.tables.count
        var types = NameAllocator(reserved: SwiftKeywords.reservedTypeNames, capacity: count)
        var fileNames = NameAllocator(taken: [SupportFile.name.lowercased()], capacity: count + 1)
        for enumType in schema.enums {
            let name = types.claim(SwiftNames.upperCamel(enumType.name))
            enums[enumType.name] = name
            files[name] = fileNames.claimIgnoringCase(name)
        }
        // By name, for closure tables: `Schema.table(named:)` copies every table it passes.
        var logicalNames: [String: String] = [:]
        logicalNames.reserveCapacity(schema.tables.count)
        // By index: iterating the tables would copy each whole `Table`.
        for index in schema.tables.indices where logicalNames[schema.tables[index].name] == nil {
            logicalNames[schema.tables[index].name] = schema.tables[index].logicalName
        }
        tables.reserveCapacity(schema.tables.count)
        files.reserveCapacity(count)
        for index in schema.tables.indices {
            let table = schema.tables[index].name
            let name = types.claim(SwiftNames.upperCamel(Self.typeBaseName(schema.tables[index], logicalNames: logicalNames)))
            tables[table] = name
            files[name] = fileNames.claimIgnoringCase(name)
        }
    }

    /// The DSL name of a table; a closure table is named after its dimension
    /// (`article` → `ArticleHierarchy`), whatever its physical name.
    static func typeBaseName(_ table: Table, logicalNames: [String: String]) -> String {
        guard let closure = table.closure, let dimension = logicalNames[closure.dimensionTable] else {
            return table.logicalName
        }
        return dimension + "_hierarchy"
    }
}
