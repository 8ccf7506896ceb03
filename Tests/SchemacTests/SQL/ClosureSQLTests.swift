import SchemacIR
import SchemacPlanner
import Testing
@testable import SchemacSQL

/// The closure SQL is exercised on a real server by the integration tests; these tests pin
/// its shape: names, statement order, and the pieces the behaviour depends on.
@Suite struct ClosureSQLTests {
    private let create = SQLFixtures.sql(.createClosureMaintenance(SQLFixtures.closure))

    @Test func createsTwoFunctionsThenTwoTriggers() {
        #expect(create.count == 4)
        #expect(create[0].hasPrefix("CREATE OR REPLACE FUNCTION budget.t_d_user_closure_insert() RETURNS trigger\nLANGUAGE plpgsql AS $$\n"))
        #expect(create[1].hasPrefix("CREATE OR REPLACE FUNCTION budget.t_d_user_closure_move() RETURNS trigger\n"))
        #expect(create[0...1].allSatisfy { $0.hasSuffix("\nEND;\n$$;") })
        #expect(create[2] == """
            CREATE TRIGGER trg_t_d_user_closure_insert
            AFTER INSERT ON budget.t_d_user
            FOR EACH ROW
            EXECUTE FUNCTION budget.t_d_user_closure_insert();
            """)
        #expect(create[3] == """
            CREATE TRIGGER trg_t_d_user_closure_move
            AFTER UPDATE ON budget.t_d_user
            FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)
            EXECUTE FUNCTION budget.t_d_user_closure_move();
            """)
    }

    @Test func insertAddsSelfRowAndParentsAncestors() {
        #expect(create[0].contains("""
                INSERT INTO budget.t_d_user_hierarchy (ancestor_id, descendant_id, depth)
                VALUES (NEW.id, NEW.id, 0);
            """))
        #expect(create[0].contains("""
                    SELECT a.ancestor_id, NEW.id, a.depth + 1
                    FROM budget.t_d_user_hierarchy AS a
                    WHERE a.descendant_id = NEW.parent_id;
            """))
        #expect(create[0].contains("RETURN NULL;"))
    }

    @Test func moveSerialisesAndRejectsCycles() {
        let move = create[1]
        #expect(move.contains("PERFORM pg_advisory_xact_lock(hashtext('budget.t_d_user_hierarchy'));"))
        #expect(move.contains("WHERE c.ancestor_id = NEW.id AND c.descendant_id = NEW.parent_id"))
        #expect(move.contains("RAISE EXCEPTION 'cycle in budget.t_d_user: row % cannot have % as its parent', NEW.id, NEW.parent_id"))
        #expect(move.contains("USING ERRCODE = 'check_violation'"))
        #expect(move.contains("SELECT up.ancestor_id, down.descendant_id, up.depth + down.depth + 1"))
    }

    @Test func dropIsTheReverse() {
        #expect(SQLFixtures.sql(.dropClosureMaintenance(SQLFixtures.closure)) == [
            "DROP TRIGGER trg_t_d_user_closure_move ON budget.t_d_user;",
            "DROP TRIGGER trg_t_d_user_closure_insert ON budget.t_d_user;",
            "DROP FUNCTION budget.t_d_user_closure_move();",
            "DROP FUNCTION budget.t_d_user_closure_insert();",
        ])
    }

    @Test func backfill() {
        #expect(SQLFixtures.sql(.backfillClosure(SQLFixtures.closure)) == [
            "DELETE FROM budget.t_d_user_hierarchy;",
            """
            INSERT INTO budget.t_d_user_hierarchy (ancestor_id, descendant_id, depth)
            WITH RECURSIVE walk (ancestor_id, descendant_id, depth) AS (
                SELECT n.id, n.id, 0
                FROM budget.t_d_user AS n
                UNION ALL
                SELECT p.parent_id, w.descendant_id, w.depth + 1
                FROM walk AS w
                JOIN budget.t_d_user AS p ON p.id = w.ancestor_id
                WHERE p.parent_id IS NOT NULL
            ) CYCLE ancestor_id SET is_cycle USING path
            SELECT w.ancestor_id, w.descendant_id, w.depth
            FROM walk AS w;
            """,
        ])
    }

    @Test func longNamesAreShortenedAndOddNamesQuoted() {
        let long = String(repeating: "d", count: 60)
        let maintenance = ClosureMaintenance(dimensionTable: long, parentColumn: "Parent", closureTable: "c")
        let sql = SQLRenderer.statements(for: SQLFixtures.step(.createClosureMaintenance(maintenance)), schema: "s")
        let trigger = ObjectName.shortened("trg_\(long)_closure_insert")
        #expect(trigger.utf8.count == 63)
        #expect(sql[2].hasPrefix("CREATE TRIGGER \(trigger)\n"))
        #expect(sql[0].contains("CREATE OR REPLACE FUNCTION s.\(ObjectName.shortened("\(long)_closure_insert"))()"))
        #expect(sql[3].contains("WHEN (OLD.\"Parent\" IS DISTINCT FROM NEW.\"Parent\")"))
    }

    @Test func dollarQuoteAvoidsTheBody() {
        #expect(ClosureSQL.dollarQuoted("x") == "$$x$$")
        #expect(ClosureSQL.dollarQuoted("a$$b") == "$fn$a$$b$fn$")
        #expect(ClosureSQL.dollarQuoted("a$$b$fn$") == "$fn1$a$$b$fn$$fn1$")
        let odd = ClosureMaintenance(dimensionTable: "t$$x", parentColumn: "parent_id", closureTable: "c")
        let sql = SQLRenderer.statements(for: SQLFixtures.step(.createClosureMaintenance(odd)), schema: "s")
        #expect(sql[0].contains("LANGUAGE plpgsql AS $fn$\n"))
    }

    @Test func percentInNamesIsEscapedInMessages() {
        let odd = ClosureMaintenance(dimensionTable: "100%", parentColumn: "parent_id", closureTable: "c")
        let sql = SQLRenderer.statements(for: SQLFixtures.step(.createClosureMaintenance(odd)), schema: "s")
        #expect(sql[1].contains("'cycle in s.\"100%%\": row % cannot have % as its parent'"))
    }
}
