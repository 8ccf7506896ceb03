/// The tree a random walk expects, and the operations it draws: each knows its SQL and
/// what it does to the tree, so the walk only picks operations that must succeed.
struct ClosureWalk {
    private(set) var parent: [Int: Int?] = [:]  // every row id → its parent id
    private(set) var current: Set<Int> = []  // scd2: rows that are the current version
    private var nextID = 1  // identity values of a fresh table, one per inserted row
    private var rng: SeededGenerator
    let world: ClosureWorld

    init(world: ClosureWorld, seed: UInt64) {
        self.world = world
        rng = SeededGenerator(seed: seed)
    }

    var ids: [Int] { parent.keys.sorted() }  // sorted: Dictionary order changes between runs

    /// The node and everything below it.
    func subtree(of root: Int) -> Set<Int> {
        var found: Set<Int> = [root], frontier = [root]
        while let node = frontier.popLast() {
            for (child, up) in parent where up == node && found.insert(child).inserted { frontier.append(child) }
        }
        return found
    }

    /// Draws the next operation, applies it to the model and returns its SQL and a description.
    mutating func step(_ number: Int) -> (sql: String, summary: String) {
        let t = world.table, p = world.parent
        // A logical clock: validity ranges strictly increase whatever the wall clock does.
        let at = "'2000-01-01 00:00+00'::timestamptz + interval '\(number) minutes'"
        let nodes = ids
        let roll = nodes.isEmpty ? 0 : Int.random(in: 0..<100, using: &rng)
        if roll < 35 || (roll >= 88 && !world.scd2) || (roll >= 88 && current.isEmpty) {
            let under = nodes.isEmpty || Int.random(in: 0..<100, using: &rng) < 15 ? nil : nodes.randomElement(using: &rng)
            let id = add(under: under)
            let sql = world.scd2
                ? "INSERT INTO \(t) (code, name, \(p), valid_from) VALUES ('k\(id)', 'n\(id)', \(sqlID(under)), \(at))"
                : "INSERT INTO \(t) (name, \(p)) VALUES ('n\(id)', \(sqlID(under)))"
            return (sql, "insert \(id) under \(describe(under))")
        }
        if roll < 65 {
            let node = nodes.randomElement(using: &rng)!
            let allowed = Set(nodes).subtracting(subtree(of: node)).sorted()
            let target = allowed.isEmpty || Int.random(in: 0..<100, using: &rng) < 15 ? nil : allowed.randomElement(using: &rng)
            parent[node] = .some(target)
            return ("UPDATE \(t) SET \(p) = \(sqlID(target)) WHERE id = \(node)", "move \(node) under \(describe(target))")
        }
        if roll < 80 {
            let leaf = nodes.filter { node in !parent.values.contains(.some(node)) }.randomElement(using: &rng)!
            parent[leaf] = nil
            current.remove(leaf)
            return ("DELETE FROM \(t) WHERE id = \(leaf)", "delete leaf \(leaf)")
        }
        if roll < 88 {
            let node = nodes.randomElement(using: &rng)!
            return ("UPDATE \(t) SET name = name || '+' WHERE id = \(node)", "rename \(node) (parent unchanged)")
        }
        // scd2: a new version of a current node takes over its current children in the same statement.
        let old = current.sorted().randomElement(using: &rng)!
        let oldParent = parent[old]!
        let new = add(under: oldParent)
        current.remove(old)
        for (child, up) in parent where up == old && current.contains(child) { parent[child] = .some(new) }
        let sql = """
            WITH closed AS (
                UPDATE \(t) SET valid_to = \(at), is_current = false WHERE id = \(old) RETURNING code, name, \(p)
            ), added AS (
                INSERT INTO \(t) (code, name, \(p), valid_from) SELECT code, name, \(p), \(at) FROM closed RETURNING id
            )
            UPDATE \(t) SET \(p) = (SELECT id FROM added) WHERE \(p) = \(old) AND is_current
            """
        return (sql, "new version \(new) of \(old)")
    }

    private mutating func add(under: Int?) -> Int {
        defer { nextID += 1 }
        parent[nextID] = .some(under)
        current.insert(nextID)
        return nextID
    }

    private func sqlID(_ id: Int?) -> String { id.map(String.init) ?? "NULL" }
    private func describe(_ id: Int?) -> String { id.map(String.init) ?? "nothing (root)" }
}
