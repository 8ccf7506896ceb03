/// Bounds that keep hostile input from exhausting the stack or memory.
struct YAMLLimits: Sendable {
    /// Deepest nesting of collections accepted. Consumers walk the tree
    /// recursively (and Swift destroys nested arrays recursively), so this
    /// also protects code far from the reader.
    var maxDepth = 10_000
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

    /// An open collection waiting for its end event. Frames are reused by
    /// later collections at the same depth, so their buffers' capacity is
    /// too: each collection then costs one exact-size allocation instead of
    /// a series of regrowths.
    private struct Frame {
        var kind: Kind
        var mark: Mark
        var tag: String?
        var anchor: String?
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
    /// Open collections are `frames[..<depth]`; the rest wait for reuse.
    private var frames: [Frame] = []
    private var depth = 0
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
        guard depth < limits.maxDepth else {
            throw YAMLProblem("collections are nested more than \(limits.maxDepth) levels deep", at: mark)
        }
        try count(1, at: mark)
        // An alias inside the node it names would be recursive: hide any
        // earlier node with the same anchor until this one is complete.
        if let anchor { anchors[anchor] = nil }
        if depth == frames.count {
            frames.append(Frame(kind: kind, mark: mark, tag: tag, anchor: anchor))
        } else {
            (frames[depth].kind, frames[depth].mark, frames[depth].size) = (kind, mark, 1)
            (frames[depth].tag, frames[depth].anchor) = (tag, anchor)
        }
        depth += 1
    }

    mutating func close() {
        guard depth > 0 else { return }
        depth -= 1
        let value: YAMLNode.Value
        switch frames[depth].kind {
        case .sequence:
            value = .sequence(Self.exactCopy(of: frames[depth].items))
            frames[depth].items.removeAll(keepingCapacity: true)
        case .mapping:
            value = .mapping(frames[depth].mapping.finish())
        }
        let frame = frames[depth]
        attach(YAMLNode(value, mark: frame.mark, tag: frame.tag), size: frame.size, anchor: frame.anchor, at: frame.mark)
    }

    mutating func alias(_ name: String, at mark: Mark) throws(YAMLProblem) {
        guard let anchored = anchors[name] else {
            if frames[..<depth].contains(where: { $0.anchor == name }) {
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
        guard depth > 0 else {
            root = node
            return
        }
        let top = depth - 1
        frames[top].size += size
        switch frames[top].kind {
        case .sequence: frames[top].items.append(node)
        case .mapping: frames[top].mapping.add(node, at: occurrence, problems: &problems)
        }
    }

    /// A copy in a buffer of its own, sized exactly; `Array(array)` would
    /// share the scratch buffer instead.
    static func exactCopy<Element>(of elements: [Element]) -> [Element] {
        Array(unsafeUninitializedCapacity: elements.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: elements)
        }
    }

    /// A document with nothing after `---` is reported by libyaml as an empty
    /// plain scalar, which cannot be written explicitly.
    private static func isEmptyDocument(_ root: YAMLNode?) -> Bool {
        guard let root, root.tag == nil, case .scalar(let scalar) = root.value else { return false }
        return scalar.style == .plain && scalar.text.isEmpty
    }
}
