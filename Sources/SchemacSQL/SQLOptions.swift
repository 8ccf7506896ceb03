/// Session settings a migration file starts with.
public struct SQLOptions: Sendable, Hashable {
    /// How long a statement may wait for a lock before it fails, instead of queueing
    /// every other session behind it.
    public var lockTimeout: String = "5s"
    /// The limit for ordinary statements.
    public var statementTimeout: String = "60s"
    /// The limit while building indexes CONCURRENTLY and validating constraints, which scan whole tables.
    public var indexStatementTimeout: String = "30min"

    public init() {}
}
