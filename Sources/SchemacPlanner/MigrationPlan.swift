import SchemacIR

/// An ordered list of schema changes that turns one database state into
/// another. It says what to change and what each change risks; the SQL
/// emitter decides how to spell it.
public struct MigrationPlan: Hashable, Sendable {
    /// The PostgreSQL schema (namespace) every object is qualified with.
    public var schemaName: String
    public var steps: [MigrationStep]

    public init(schemaName: String, steps: [MigrationStep] = []) {
        self.schemaName = schemaName
        self.steps = steps
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// Every hazard of every step, in step order.
    public var hazards: [Hazard] { steps.flatMap(\.hazards) }
}

/// One operation with its metadata.
public struct MigrationStep: Hashable, Sendable {
    public var operation: Operation
    /// What the step belongs to, for the comment above it: `dimension user`.
    public var subject: String
    public var hazards: [Hazard]
    /// false for statements PostgreSQL refuses inside a transaction block
    /// (`CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`).
    public var transactional: Bool
    /// Ends the current transaction after this step, so that what it did is
    /// committed before the next step (a new enum value before its first use,
    /// a NOT VALID constraint before its validation).
    public var commitAfter: Bool

    public init(_ operation: Operation, subject: String, hazards: [Hazard] = [], transactional: Bool = true, commitAfter: Bool = false) {
        self.operation = operation
        self.subject = subject
        self.hazards = hazards
        self.transactional = transactional
        self.commitAfter = commitAfter
    }
}

/// Triggers and function that keep a closure table equal to the transitive
/// closure of a dimension's parent column.
public struct ClosureMaintenance: Hashable, Sendable {
    public var dimensionTable: String
    /// The dimension's primary key column (`id`).
    public var keyColumn: String
    public var parentColumn: String
    public var closureTable: String

    public init(dimensionTable: String, keyColumn: String = "id", parentColumn: String, closureTable: String) {
        self.dimensionTable = dimensionTable
        self.keyColumn = keyColumn
        self.parentColumn = parentColumn
        self.closureTable = closureTable
    }
}

/// The closed set of changes the planner produces. Names are physical and
/// unqualified; the emitter qualifies them with the plan's schema.
public enum Operation: Hashable, Sendable {
    case createSchema(String)
    case createExtension(String)

    case createEnum(EnumType)
    /// `ALTER TYPE … ADD VALUE value [BEFORE before | AFTER after]`.
    case addEnumValue(enumName: String, value: String, before: String?, after: String?)
    case dropEnum(String)
    /// Values removed or reordered: rename the old type away, create the new
    /// one, convert every column that uses it through text, drop the old type.
    case recreateEnum(EnumType, usages: [EnumUsage])

    /// Creates the table with its columns and the constraints it carries
    /// (primary key, unique, check, exclusion, and the foreign keys left in it);
    /// indexes and comments are separate steps.
    case createTable(Table)
    case dropTable(String)
    case renameTable(from: String, to: String)

    case addColumn(table: String, Column)
    case dropColumn(table: String, column: String)
    case renameColumn(table: String, from: String, to: String)
    /// `USING column::type` when the cast is not implicit.
    case alterColumnType(table: String, column: String, from: ColumnType, to: ColumnType)
    case setNotNull(table: String, column: String)
    case dropNotNull(table: String, column: String)
    /// The column carries the new default; nil default drops it.
    case setDefault(table: String, Column)
    /// nil drops the identity.
    case setIdentity(table: String, column: String, Identity?)
    /// The identity sequence follows its table's rename.
    case renameSequence(from: String, to: String)

    /// `notValid`: added without scanning existing rows; validated by a later `.validateConstraint`.
    case addConstraint(table: String, Constraint, notValid: Bool)
    /// A unique or primary key constraint over the unique index of the same
    /// name, built concurrently just before: `ADD CONSTRAINT … USING INDEX`.
    case addConstraintUsingIndex(table: String, Constraint)
    /// `CHECK (column IS NOT NULL) NOT VALID`: the first step of a lock-friendly SET NOT NULL.
    case addNotNullCheck(table: String, column: String, name: String)
    case validateConstraint(table: String, name: String)
    case dropConstraint(table: String, name: String)
    case renameConstraint(table: String, from: String, to: String)

    case createIndex(table: String, Index, concurrently: Bool)
    case dropIndex(name: String, concurrently: Bool)
    case renameIndex(from: String, to: String)

    /// nil removes the comment.
    case commentOnTable(table: String, comment: String?)
    case commentOnColumn(table: String, column: String, comment: String?)

    case createClosureMaintenance(ClosureMaintenance)
    case dropClosureMaintenance(ClosureMaintenance)
    /// Fills an empty closure table from the parent column of existing rows.
    case backfillClosure(ClosureMaintenance)
}

/// A column whose type is an enum (or an array of it).
public struct EnumUsage: Hashable, Sendable {
    public var table: String
    public var column: Column
    public init(table: String, column: Column) { self.table = table; self.column = column }
}

/// Why a step deserves a reviewer's attention (after pg-schema-diff's hazards).
public struct Hazard: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Rows or values are lost: dropped table or column, narrowed type, removed enum value.
        case deletesData = "deletes-data"
        /// The whole table is rewritten under an ACCESS EXCLUSIVE lock.
        case rewritesTable = "rewrites-table"
        /// Holds a lock that blocks reads or writes for longer than an instant.
        case longLock = "long-lock"
        /// Scans the table to validate a constraint (without blocking writes).
        case validationScan = "validation-scan"
        /// Builds an index; CONCURRENTLY avoids blocking writes but takes time.
        case indexBuild = "index-build"
        /// Fails unless the table is empty (a NOT NULL column without a default).
        case failsOnRows = "fails-on-rows"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Refused by `generate` unless `--allow-destructive`: the step loses data,
    /// or only works on an empty table.
    public var isDestructive: Bool { kind == .deletesData || kind == .failsOnRows }
}
