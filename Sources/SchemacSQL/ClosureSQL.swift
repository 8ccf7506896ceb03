import SchemacIR
import SchemacPlanner

/// The PL/pgSQL that keeps a closure table `(ancestor_id, descendant_id, depth)` exactly
/// equal to the transitive closure of a dimension's parent column, self rows at depth 0.
///
/// - AFTER INSERT: the node's self row, plus one row per ancestor of its parent. A parent
///   without closure rows fails the insert: within one multi-row statement, parents
///   must come before their children (AFTER row triggers run in row order).
/// - AFTER UPDATE (parent changed): serialises moves of the tree (an advisory lock),
///   rejects a move under the node itself or a descendant, detaches the subtree from
///   its former ancestors and attaches it below the new parent.
/// - DELETE needs no trigger: the closure table's foreign keys are ON DELETE CASCADE and
///   the parent column is ON DELETE RESTRICT, so only leaves go, and their rows with them.
///
/// The update trigger is `UPDATE` with a `WHEN` clause rather than `UPDATE OF parent_id`:
/// the latter would miss a parent changed by another BEFORE trigger. AFTER row triggers
/// run one after the other at the end of the statement, each on the closure as left by
/// the previous one, so a statement that moves several rows is judged one move at a
/// time, in row order: a reorder valid only as a whole may have to be split.
struct ClosureSQL {
    let maintenance: ClosureMaintenance
    let schema: String

    /// The two functions, then the two triggers that call them.
    func create() -> [String] {
        [insertFunction(), moveFunction()]
            + Part.allCases.map(createTrigger)
    }

    /// The reverse of `create()`: triggers first, then the functions they call.
    func drop() -> [String] {
        let parts = Part.allCases.reversed()
        return parts.map { "DROP TRIGGER \(SQLIdentifier.quote(triggerName($0))) ON \(dimension);" }
            + parts.map { "DROP FUNCTION \(functionName($0))();" }
    }

    /// Rebuilds the closure table from the parent column: every node's self row, then its
    /// parent, grandparent… one level deeper each. The CYCLE clause stops the walk should
    /// the existing rows contain a cycle; the duplicate rows it leaves then make the INSERT
    /// fail on the primary key instead of recursing forever.
    func backfill() -> [String] {
        [
            "DELETE FROM \(closure);",
            """
            INSERT INTO \(closure) (ancestor_id, descendant_id, depth)
            WITH RECURSIVE walk (ancestor_id, descendant_id, depth) AS (
                SELECT n.\(key), n.\(key), 0
                FROM \(dimension) AS n
                UNION ALL
                SELECT p.\(parent), w.descendant_id, w.depth + 1
                FROM walk AS w
                JOIN \(dimension) AS p ON p.\(key) = w.ancestor_id
                WHERE p.\(parent) IS NOT NULL
            ) CYCLE ancestor_id SET is_cycle USING path
            SELECT w.ancestor_id, w.descendant_id, w.depth
            FROM walk AS w;
            """,
        ]
    }

    // MARK: - Names

    /// One function and trigger each; `suffix` ends their names.
    enum Part: CaseIterable {
        case insert, move

        var suffix: String {
            switch self {
            case .insert: "insert"
            case .move: "move"
            }
        }
    }

    private var dimension: String { SQLIdentifier.qualified(schema, maintenance.dimensionTable) }
    private var closure: String { SQLIdentifier.qualified(schema, maintenance.closureTable) }
    private var key: String { SQLIdentifier.quote(maintenance.keyColumn) }
    private var parent: String { SQLIdentifier.quote(maintenance.parentColumn) }

    /// `s.<dimension>_closure_<part>`, kept within 63 bytes.
    func functionName(_ part: Part) -> String {
        SQLIdentifier.qualified(schema, ObjectName.shortened("\(maintenance.dimensionTable)_closure_\(part.suffix)"))
    }

    /// `trg_<dimension>_closure_<part>`, kept within 63 bytes.
    func triggerName(_ part: Part) -> String {
        ObjectName.shortened("trg_\(maintenance.dimensionTable)_closure_\(part.suffix)")
    }

    // MARK: - Triggers

    private func createTrigger(_ part: Part) -> String {
        let event = switch part {
        case .insert: "AFTER INSERT"
        case .move: "AFTER UPDATE"
        }
        let when = part == .insert ? "" : " WHEN (OLD.\(parent) IS DISTINCT FROM NEW.\(parent))"
        return """
            CREATE TRIGGER \(SQLIdentifier.quote(triggerName(part)))
            \(event) ON \(dimension)
            FOR EACH ROW\(when)
            EXECUTE FUNCTION \(functionName(part))();
            """
    }

    // MARK: - Functions

    // A multi-line piece interpolated below column 0 goes through `indent(_:)`:
    // a Swift string interpolation only indents its first line.

    private func insertFunction() -> String {
        function(.insert, returning: "NULL", body: """
            IF NEW.\(parent) = NEW.\(key) THEN
                \(indent(cycleError))
            END IF;
            -- Every node is its own ancestor at depth 0.
            INSERT INTO \(closure) (ancestor_id, descendant_id, depth)
            VALUES (NEW.\(key), NEW.\(key), 0);
            IF NEW.\(parent) IS NOT NULL THEN
                -- The parent and its ancestors are the node's ancestors, one level further away.
                INSERT INTO \(closure) (ancestor_id, descendant_id, depth)
                SELECT a.ancestor_id, NEW.\(key), a.depth + 1
                FROM \(closure) AS a
                WHERE a.descendant_id = NEW.\(parent);
                \(indent(missingParentCheck))
            END IF;
            -- No delete trigger: parent_id is ON DELETE RESTRICT, so only leaves go, and their rows follow by ON DELETE CASCADE.
            """)
    }

    private func moveFunction() -> String {
        function(.move, returning: "NULL", body: """
            -- Moves of one tree are serialised: two concurrent moves (A under B, B under A)
            -- would each pass a check that cannot see the other's uncommitted change.
            PERFORM pg_advisory_xact_lock(hashtext(\(SQLLiteral.string(closure))));
            -- The new parent must not be the node itself or one of its descendants. Checked
            -- after the row changed, against the tree as the moves before it left it, so a
            -- statement that reorders several rows is judged one move at a time.
            \(cycleCheck)
            -- Detach the subtree (the node and its descendants) from the node's former ancestors.
            DELETE FROM \(closure) AS link
            USING \(closure) AS up, \(closure) AS down
            WHERE up.descendant_id = NEW.\(key) AND up.ancestor_id <> NEW.\(key)
              AND down.ancestor_id = NEW.\(key)
              AND link.ancestor_id = up.ancestor_id
              AND link.descendant_id = down.descendant_id;
            IF NEW.\(parent) IS NOT NULL THEN
                -- Attach it below the new parent: every ancestor of the parent (the parent included)
                -- with every node of the subtree.
                INSERT INTO \(closure) (ancestor_id, descendant_id, depth)
                SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
                FROM \(closure) AS up
                CROSS JOIN \(closure) AS down
                WHERE up.descendant_id = NEW.\(parent)
                  AND down.ancestor_id = NEW.\(key);
                \(indent(missingParentCheck))
            END IF;
            """)
    }

    /// Raises when the closure already links the node down to its new parent.
    private var cycleCheck: String {
        """
        IF EXISTS (
            SELECT 1
            FROM \(closure) AS c
            WHERE c.ancestor_id = NEW.\(key) AND c.descendant_id = NEW.\(parent)
        ) THEN
            \(indent(cycleError))
        END IF;
        """
    }

    private var cycleError: String {
        raise("cycle in \(inMessage(dimension)): row % cannot have % as its parent", arguments: ["NEW.\(key)", "NEW.\(parent)"],
              errcode: "check_violation", detail: "A row cannot be moved under itself or one of its descendants.")
    }

    /// Run after inserting the rows below the parent: none inserted means the parent has no
    /// closure rows, because it comes later in the same statement (or was never backfilled).
    private var missingParentCheck: String {
        let error = raise(
            "\(inMessage(closure)) has no rows for parent % of row %", arguments: ["NEW.\(parent)", "NEW.\(key)"],
            errcode: "integrity_constraint_violation", hint: "Within one statement, insert a parent before its children.")
        return """
            IF NOT FOUND THEN
                \(indent(error))
            END IF;
            """
    }

    /// `RAISE EXCEPTION 'format', arguments USING ERRCODE = …[, DETAIL = …][, HINT = …];` on three or four lines.
    private func raise(_ format: String, arguments: [String], errcode: String,
                       detail: String? = nil, hint: String? = nil) -> String {
        let options = [("ERRCODE", errcode), ("DETAIL", detail), ("HINT", hint)].compactMap { option, value in
            value.map { "\(option) = \(SQLLiteral.string($0))" }
        }
        return """
            RAISE EXCEPTION \(SQLLiteral.string(format)), \(arguments.joined(separator: ", "))
                USING \(options.joined(separator: ",\n          "));
            """
    }

    /// A name inside a RAISE format, where `%` is a placeholder and must be doubled.
    private func inMessage(_ name: String) -> String { name.doubling("%") }

    /// Every line but the first indented by `levels` × 4 spaces (the first gets its
    /// indentation from where it is interpolated).
    private func indent(_ text: String, levels: Int = 1) -> String {
        let pad = String(repeating: "    ", count: levels)
        var out = ""
        out.reserveCapacity(text.utf8.count + 256)
        var lineStart = text.startIndex
        // Scanning bytes: `\n` is ASCII, so its index is a valid String index.
        while let newline = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            out += text[lineStart..<newline]
            out += "\n"
            lineStart = text.utf8.index(after: newline)
            if lineStart < text.endIndex && text.utf8[lineStart] != UInt8(ascii: "\n") { out += pad }
        }
        out += text[lineStart...]
        return out
    }

    /// `CREATE OR REPLACE FUNCTION … RETURNS trigger` around `body`, indented one level.
    private func function(_ part: Part, returning: String, body: String) -> String {
        let source = "\nBEGIN\n    \(indent(body + "\nRETURN \(returning);"))\nEND;\n"
        return "CREATE OR REPLACE FUNCTION \(functionName(part))() RETURNS trigger\n"
            + "LANGUAGE plpgsql AS \(Self.dollarQuoted(source));"
    }

    /// `$$…$$`, or `$fn$…$fn$`, `$fn1$`… should the body (through a name with `$` in it) contain the tag.
    static func dollarQuoted(_ body: String) -> String {
        var tag = "$$"
        var attempt = 0
        while body.contains(tag) {
            tag = "$fn\(attempt == 0 ? "" : String(attempt))$"
            attempt += 1
        }
        return tag + body + tag
    }
}
