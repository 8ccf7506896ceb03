/// Collects a mapping's keys and values as they arrive, rejecting duplicate
/// keys and remembering a `<<` merge to apply when the mapping ends (explicit
/// keys win over merged ones wherever they appear, so merging must wait).
struct MappingAccumulator {
    private struct PendingKey {
        let node: YAMLNode
        let occurrence: Mark
    }

    /// Entries pulled in by `<<`, spliced in where the `<<` key stood.
    private struct Merge {
        let position: Int
        let mark: Mark
        var entries: [YAMLNode.Entry] = []
    }

    private var entries: [YAMLNode.Entry] = []
    /// Where each explicit key was first written, for duplicate checks.
    private var firstMarks: [KeyIdentity: Mark] = [:]
    private var pendingKey: PendingKey?
    private var merge: Merge?

    /// Takes the next node: keys and values alternate.
    mutating func add(_ node: YAMLNode, at occurrence: Mark, problems: inout [YAMLProblem]) {
        guard let key = pendingKey else {
            pendingKey = PendingKey(node: node, occurrence: occurrence)
            return
        }
        pendingKey = nil
        if Self.isMergeKey(key.node) {
            addMerge(at: key.occurrence, value: node, valueAt: occurrence, problems: &problems)
            return
        }
        let identity = KeyIdentity(key.node)
        if let first = firstMarks[identity] {
            problems.append(Self.duplicate(identity, at: key.occurrence, first: first))
            return
        }
        firstMarks[identity] = key.occurrence
        entries.append(YAMLNode.Entry(key: key.node, value: node))
    }

    /// The entries in document order, merged ones at the place of their `<<`.
    func finish() -> [YAMLNode.Entry] {
        guard let merge, !merge.entries.isEmpty else { return entries }
        var taken = Set(firstMarks.keys)
        var result = Array(entries[..<merge.position])
        // Within one merge earlier sources come first, so first-wins gives them precedence.
        for entry in merge.entries where taken.insert(KeyIdentity(entry.key)).inserted {
            result.append(entry)
        }
        result += entries[merge.position...]
        return result
    }

    // MARK: - Private

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
