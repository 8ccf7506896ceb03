/// What makes two mapping keys the same key: scalar text (style and tag
/// ignored, so `a` and `"a"` collide) or, for collection keys, their
/// structure and texts. Positions never matter.
enum KeyIdentity: Hashable {
    case text(String)
    /// A collection key flattened in preorder, so it is built and compared
    /// without recursion however deep the key is.
    case structure([Token])

    enum Token: Hashable {
        case text(String)
        case sequence(count: Int)
        case mapping(count: Int)
    }

    init(_ node: YAMLNode) {
        if case .scalar(let scalar) = node.value {
            self = .text(scalar.text)
            return
        }
        var tokens: [Token] = []
        var pending = [node]
        while let next = pending.popLast() {
            switch next.value {
            case .scalar(let scalar):
                tokens.append(.text(scalar.text))
            case .sequence(let items):
                tokens.append(.sequence(count: items.count))
                pending += items.reversed()
            case .mapping(let entries):
                tokens.append(.mapping(count: entries.count))
                for entry in entries.reversed() { pending += [entry.value, entry.key] }
            }
        }
        self = .structure(tokens)
    }
}

extension KeyIdentity: CustomStringConvertible {
    /// The key in short flow style, for messages.
    var description: String {
        switch self {
        case .text(let text): return Self.shortened(text)
        case .structure(let tokens): return Self.shortened(Self.flow(tokens))
        }
    }

    /// Byte count, not character count, decides: it is O(1), and a key
    /// may be an alias of a huge scalar.
    private static func shortened(_ text: String) -> String {
        text.utf8.count <= 40 ? text : text.prefix(39) + "…"
    }

    /// Renders preorder tokens as `{a: [b, c]}`, with a stack of the open
    /// collections and how many of their children have been written.
    private static func flow(_ tokens: [Token]) -> String {
        var out = ""
        var open: [(isMapping: Bool, children: Int, written: Int)] = []
        for token in tokens {
            // Only the start is shown, and an aliased key can be huge.
            guard out.utf8.count <= 60 else { break }
            if let top = open.last {
                if top.written > 0 { out += top.isMapping && top.written % 2 == 1 ? ": " : ", " }
                open[open.count - 1].written += 1
            }
            switch token {
            case .text(let text): out += text
            case .sequence(let count): out += "["; open.append((false, count, 0))
            case .mapping(let count): out += "{"; open.append((true, count * 2, 0))
            }
            while let top = open.last, top.written == top.children {
                out += top.isMapping ? "}" : "]"
                open.removeLast()
            }
        }
        return out
    }
}
