/// Collects a mapping's keys and values as they arrive, rejecting duplicate
/// keys and remembering a `<<` merge to apply when the mapping ends (explicit
/// keys win over merged ones wherever they appear, so merging must wait).
struct MappingAccumulator {
    /// What the next node is: keys and values alternate.
    private enum Expecting {
        case key
        case value
        /// The value of a duplicate key, which is dropped.
        case ignoredValue
        /// The value of `<<`, whose key stood at this mark.
        case mergeValue(Mark)
    }

    /// Entries pulled in by `<<`, spliced in where the `<<` key stood.
    private struct Merge {
        let position: Int
        let mark: Mark
        var entries: [YAMLNode.Entry] = []
    }

    /// Stands in for a value until it arrives, so the key can be stored in
    /// `entries` at once and the value written in place (no optional copies).
    private static let placeholder = YAMLNode(.scalar(Scalar("")), mark: Mark(line: 0, column: 0))

    private var entries: [YAMLNode.Entry] = []
    /// Index into `entries` by key, built only once a mapping reaches
    /// `indexThreshold` entries: most mappings are small, and scanning them
    /// is much cheaper than allocating and hashing into a dictionary.
    private var index: [KeyIdentity: Int] = [:]
    private static let indexThreshold = 12
    private var expecting = Expecting.key
    private var merge: Merge?

    /// Takes the next key or value. `occurrence` is where it is written (for
    /// an alias, the `*`), which is where problems about it are reported.
    mutating func add(_ node: consuming YAMLNode, at occurrence: Mark, problems: inout [YAMLProblem]) {
        switch expecting {
        case .key:
            expecting = addKey(node, at: occurrence, problems: &problems)
        case .value:
            entries[entries.count - 1].value = node
            expecting = .key
        case .ignoredValue:
            expecting = .key
        case .mergeValue(let keyMark):
            addMerge(at: keyMark, value: node, valueAt: occurrence, problems: &problems)
            expecting = .key
        }
    }

    /// The entries in document order, merged ones at the place of their `<<`.
    func finish() -> [YAMLNode.Entry] {
        guard let merge, !merge.entries.isEmpty else { return entries }
        var taken = Set(entries.lazy.map { KeyIdentity($0.key) })
        var result = Array(entries[..<merge.position])
        // Within one merge earlier sources come first, so first-wins gives them precedence.
        for entry in merge.entries where taken.insert(KeyIdentity(entry.key)).inserted {
            result.append(entry)
        }
        result += entries[merge.position...]
        return result
    }

    // MARK: - Private

    private mutating func addKey(_ key: consuming YAMLNode, at occurrence: Mark, problems: inout [YAMLProblem]) -> Expecting {
        if Self.isMergeKey(key) { return .mergeValue(occurrence) }
        if let first = firstEntry(withKey: key) {
            problems.append(Self.duplicate(KeyIdentity(key), at: occurrence, first: entries[first].key.mark))
            return .ignoredValue
        }
        if !index.isEmpty { index[KeyIdentity(copy key)] = entries.count }
        // One allocation covers most mappings; growing 1, 2, 4, 8 costs four.
        if entries.isEmpty { entries.reserveCapacity(8) }
        entries.append(YAMLNode.Entry(key: key, value: Self.placeholder))
        return .value
    }

    private mutating func firstEntry(withKey key: YAMLNode) -> Int? {
        // Collection keys always use the index rather than a scan, so work
        // stays linear in the keys' size: an aliased key can be large.
        guard entries.count < Self.indexThreshold, case .scalar(let scalar) = key.value else {
            if index.isEmpty { buildIndex() }
            return index[KeyIdentity(key)]
        }
        let length = scalar.text.utf8.count
        return entries.firstIndex { entry in
            // Byte counts first: keys of one mapping mostly differ in length,
            // and `==` on different strings is an out-of-line call.
            if case .scalar(let other) = entry.key.value { return other.text.utf8.count == length && other.text == scalar.text }
            return false
        }
    }

    /// `index` is either empty (not built yet) or covers all of `entries`.
    private mutating func buildIndex() {
        for (position, entry) in entries.enumerated() {
            index[KeyIdentity(entry.key)] = position
        }
    }

    private mutating func addMerge(at keyMark: Mark, value: YAMLNode, valueAt valueMark: Mark, problems: inout [YAMLProblem]) {
        if let merge {
            problems.append(YAMLProblem("duplicate key '<<' (first defined at line \(merge.mark.line), column \(merge.mark.column))", at: keyMark))
            return
        }
        var merge = Merge(position: entries.count, mark: keyMark)
        switch value.value {
        case .mapping(let source):
            merge.entries = source
        case .sequence(let sources):
            for source in sources {
                guard case .mapping(let sourceEntries) = source.value else {
                    problems.append(Self.badMerge(at: source.mark))
                    continue
                }
                merge.entries += sourceEntries
            }
        case .scalar:
            problems.append(Self.badMerge(at: valueMark))
        }
        self.merge = merge
    }

    /// A plain `<<`, optionally tagged `!!merge` (YAML 1.1 merge key).
    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = key.value, scalar.style == .plain, scalar.text == "<<" else { return false }
        return key.tag == nil || key.tag == "!!merge"
    }

    private static func badMerge(at mark: Mark) -> YAMLProblem {
        YAMLProblem("the value of a merge key '<<' must be a mapping or a sequence of mappings", at: mark)
    }

    private static func duplicate(_ key: KeyIdentity, at mark: Mark, first: Mark) -> YAMLProblem {
        YAMLProblem("duplicate key '\(key.description)' (first defined at line \(first.line), column \(first.column))", at: mark)
    }
}
