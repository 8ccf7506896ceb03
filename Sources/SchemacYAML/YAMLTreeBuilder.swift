/// Bounds that keep hostile input from exhausting the stack or memory.
struct YAMLLimits: Sendable {
    /// Deepest nesting of collections accepted. The reader itself copes with
    /// any depth, but consumers recurse: synthesized `==` and `hash(into:)`,
    /// recursive walks in the DSL, even the tree's deallocation. `==` on a
    /// 10,000-deep tree overflows an 8 MB stack in a debug build, so the
    /// limit leaves a wide margin; no real schema comes close.
    var maxDepth = 1_000
    /// Most nodes a document may expand to, aliases counted in full: stops
    /// "billion laughs" documents long before memory or later passes suffer.
    var maxNodes = 5_000_000
}

/// Builds the tree from parse events with an explicit stack of open collections.
///
/// Methods that throw report a problem that ends the parse; other problems
/// (duplicate keys, bad merges) are collected in `problems` and parsing goes on.
struct YAMLTreeBuilder {
    enum Kind { case sequence, mapping }

    /// An open collection waiting for its end event.
    private struct Frame {
        let kind: Kind
        let mark: Mark
        let tag: String?
        let anchor: String?
        /// Nodes below and including this one, aliases counted in full.
        var size = 1
        var items: [YAMLNode] = []
        var mapping = MappingAccumulator()
    }

    /// An anchored node and how many nodes each alias of it adds.
    private struct Anchored {
        let node: YAMLNode
        let size: Int
    }

    private let limits: YAMLLimits
    private var frames: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var root: YAMLNode?
    private var nodeCount = 0
    private(set) var problems: [YAMLProblem] = []

    init(limits: YAMLLimits) { self.limits = limits }

    mutating func scalar(_ scalar: Scalar, tag: String?, anchor: String?, at mark: Mark) throws(YAMLProblem) {
        try count(1, at: mark)
        attach(YAMLNode(.scalar(scalar), mark: mark, tag: tag), size: 1, anchor: anchor, at: mark)
    }

    mutating func open(_ kind: Kind, tag: String?, anchor: String?, at mark: Mark) throws(YAMLProblem) {
        guard frames.count < limits.maxDepth else {
            throw YAMLProblem("collections are nested more than \(limits.maxDepth) levels deep", at: mark)
        }
        try count(1, at: mark)
        // An alias inside the node it names would be recursive: hide any
        // earlier node with the same anchor until this one is complete.
        if let anchor { anchors[anchor] = nil }
        frames.append(Frame(kind: kind, mark: mark, tag: tag, anchor: anchor))
    }

    mutating func close() {
        guard let frame = frames.popLast() else { return }
        let value: YAMLNode.Value
        switch frame.kind {
        case .sequence: value = .sequence(frame.items)
        case .mapping: value = .mapping(frame.mapping.finish())
        }
        attach(YAMLNode(value, mark: frame.mark, tag: frame.tag), size: frame.size, anchor: frame.anchor, at: frame.mark)
    }

    mutating func alias(_ name: String, at mark: Mark) throws(YAMLProblem) {
        guard let anchored = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                throw YAMLProblem("alias '*\(name)' refers to a node that contains it; recursive aliases are not supported", at: mark)
            }
            throw YAMLProblem("undefined alias '*\(name)'", at: mark)
        }
        try count(anchored.size, at: mark)
        // Value semantics make the copy cheap: arrays are shared until written.
        attach(anchored.node, size: anchored.size, anchor: nil, at: mark)
    }

    /// The result after the stream ended normally.
    func finish() -> YAMLDocument {
        YAMLDocument(root: Self.isEmptyDocument(root) ? nil : root, problems: problems)
    }

    /// The result after a problem that ends the parse.
    func failed(with problem: YAMLProblem) -> YAMLDocument {
        YAMLDocument(root: nil, problems: problems + [problem])
    }

    // MARK: - Private

    private mutating func count(_ nodes: Int, at mark: Mark) throws(YAMLProblem) {
        nodeCount += nodes
        guard nodeCount <= limits.maxNodes else {
            throw YAMLProblem("document expands to more than \(limits.maxNodes) nodes (too many aliases?)", at: mark)
        }
    }

    /// Hands a complete node to the collection it belongs to.
    /// `occurrence` is where it appears in the text (for an alias, the `*`).
    private mutating func attach(_ node: consuming YAMLNode, size: Int, anchor: String?, at occurrence: Mark) {
        if let anchor { anchors[anchor] = Anchored(node: copy node, size: size) }
        guard !frames.isEmpty else {
            root = node
            return
        }
        let top = frames.count - 1
        frames[top].size += size
        switch frames[top].kind {
        case .sequence:
            // Most sequences are short lists: one allocation instead of growing 1, 2, 4.
            if frames[top].items.isEmpty { frames[top].items.reserveCapacity(4) }
            frames[top].items.append(node)
        case .mapping: frames[top].mapping.add(node, at: occurrence, problems: &problems)
        }
    }

    /// A document with nothing after `---` is reported by libyaml as an empty
    /// plain scalar, which cannot be written explicitly.
    private static func isEmptyDocument(_ root: YAMLNode?) -> Bool {
        guard let root, root.tag == nil, case .scalar(let scalar) = root.value else { return false }
        return scalar.style == .plain && scalar.text.isEmpty
    }
}
