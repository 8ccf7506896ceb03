/// Renders `SwiftDecl`s as swift-format lays them out with its default settings and
/// a line length of 120: 4-space indentation, one blank line between members (none
/// between undocumented enum cases or stored properties that follow each other), lists
/// that do not fit broken one item per line, no trailing white space.
struct SwiftRenderer {
    static let lineLength = 120
    static let indentUnit = "    "

    /// A whole file: header comment lines, imports, then the declarations.
    static func file(header: [String], imports: [String], declarations: [SwiftDecl]) -> String {
        var renderer = SwiftRenderer()
        renderer.lines = header.map { $0.isEmpty ? "//" : "// " + $0 }
        renderer.blank()
        for module in imports { renderer.lines.append("import \(module)") }
        for declaration in declarations {
            renderer.blank()
            renderer.render(declaration, depth: 0)
        }
        return renderer.lines.joined(separator: "\n") + "\n"
    }

    private(set) var lines: [String] = []

    private mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    private mutating func emit(_ text: String, depth: Int) {
        let pad = Self.pads[min(depth, Self.pads.count - 1)]
        guard text.utf8.contains(UInt8(ascii: "\n")) else {
            lines.append(text.isEmpty ? "" : pad + text)
            return
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "" : pad + line)
        }
    }

    private static let pads = (0..<16).map { String(repeating: indentUnit, count: $0) }

    /// `/// text`, long lines broken between words to fit the line length.
    private mutating func doc(_ text: [String], depth: Int) {
        let width = Self.lineLength - depth * Self.indentUnit.count - 4
        for line in text {
            for wrapped in Self.wrapWords(line, width: width) { emit(wrapped.isEmpty ? "///" : "/// " + wrapped, depth: depth) }
        }
    }

    private static func wrapWords(_ line: String, width: Int) -> [String] {
        guard line.utf8.count > width, line.count > width else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        return lines + [current]
    }

    mutating func render(_ declaration: SwiftDecl, depth: Int) {
        switch declaration {
        case let .type(type): render(type, depth: depth)
        case let .property(property): render(property, depth: depth)
        case let .enumCase(enumCase):
            doc(enumCase.doc, depth: depth)
            emit("case \(enumCase.name)" + (enumCase.rawValue.map { " = " + SwiftLiteral.string($0) } ?? ""), depth: depth)
        case let .function(function): render(function, depth: depth)
        case let .typeAlias(alias):
            doc(alias.doc, depth: depth)
            emit(Self.modifiers(alias.access) + "typealias \(alias.name) = \(alias.type)", depth: depth)
        case let .associatedType(associated):
            doc(associated.doc, depth: depth)
            emit("associatedtype \(associated.name): \(associated.type)", depth: depth)
        }
    }

    private mutating func render(_ type: TypeDecl, depth: Int) {
        doc(type.doc, depth: depth)
        let head = Self.modifiers(type.access) + type.kind.rawValue + " " + type.name
        let conformances = type.conformances.joined(separator: ", ")
        if conformances.isEmpty {
            emit(head + " {", depth: depth)
        } else if Self.fits(head + ": " + conformances + " {", depth: depth) {
            emit(head + ": " + conformances + " {", depth: depth)
        } else {
            emit(head + ":\n" + Self.indentUnit + conformances + "\n{", depth: depth)
        }
        renderMembers(type.members, depth: depth + 1)
        emit("}", depth: depth)
    }

    private mutating func renderMembers(_ members: [SwiftDecl], depth: Int) {
        for (index, member) in members.enumerated() {
            if index > 0 && !(Self.isCompact(members[index - 1]) && Self.isCompact(member)) { blank() }
            render(member, depth: depth)
        }
    }

    /// Undocumented enum cases and stored properties: a run of them stays together.
    private static func isCompact(_ declaration: SwiftDecl) -> Bool {
        switch declaration {
        case let .enumCase(enumCase): enumCase.doc.isEmpty
        case let .property(property): property.doc.isEmpty && property.getter == nil && !property.isStatic
        default: false
        }
    }

    private mutating func render(_ property: PropertyDecl, depth: Int) {
        doc(property.doc, depth: depth)
        var head = Self.modifiers(property.access) + (property.isStatic ? "static " : "")
        head += (property.isLet ? "let " : "var ") + property.name + (property.type.map { ": " + $0 } ?? "")
        if property.isRequirement {
            emit(head + " { get }", depth: depth)
        } else if let value = property.value {
            emit(expression(value, after: head + " = ", depth: depth), depth: depth)
        } else if let getter = property.getter {
            renderBody(head, getter, depth: depth)
        } else {
            emit(head, depth: depth)
        }
    }

    private mutating func render(_ function: FunctionDecl, depth: Int) {
        doc(function.doc, depth: depth)
        let keyword = function.name == "init" ? "init" : "func " + function.name
        let head = Self.modifiers(function.access) + (function.isStatic ? "static " : "") + keyword
        let parameters = function.parameters.map(Self.parameter)
        var tail = ")" + (function.isThrowing ? " throws" : "")
        if let returnType = function.returnType { tail += " -> " + returnType }
        let oneLine = head + "(" + parameters.joined(separator: ", ") + tail
        if parameters.isEmpty || Self.fits(oneLine + " {", depth: depth) {
            renderBody(oneLine, function.body, depth: depth)
        } else {
            let list = parameters.map { Self.indentUnit + $0 }.joined(separator: ",\n")
            renderBody(head + "(\n" + list + "\n" + tail, function.body, depth: depth)
        }
    }

    /// `head { statement }` on one line when the body is one short statement, else a block.
    private mutating func renderBody(_ head: String, _ body: [SwiftStatement], depth: Int) {
        let statements = body.map { statement in
            switch statement {
            case let .line(text): text
            case let .expression(prefix, value): expression(value, after: prefix, depth: depth + 1)
            }
        }
        if statements.count == 1, !statements[0].contains("\n"), !head.contains("\n"),
            Self.fits(head + " { " + statements[0] + " }" + Self.arrayReserve(body[0]), depth: depth)
        {
            emit(head + " { " + statements[0] + " }", depth: depth)
            return
        }
        emit(head + " {", depth: depth)
        for statement in statements { emit(statement, depth: depth + 1) }
        emit("}", depth: depth)
    }

    /// `prefix` followed by `value`, laid out for a line starting at `depth`.
    private func expression(_ value: SwiftExpr, after prefix: String, depth: Int) -> String {
        switch value {
        case let .raw(text): return prefix + text
        case let .string(text):
            // A one-line string too long for its line goes into a `"""` literal too: it may
            // not get shorter there, but it starts at the left of its own line.
            let literal = prefix + SwiftLiteral.string(text)
            if !text.contains("\n") && Self.fits(literal, depth: depth) { return literal }
            return prefix + SwiftLiteral.multilineString(text, indent: Self.indentUnit)
        case let .array(elements):
            let items = elements.map { expression($0, after: "", depth: depth + 1) }
            let inline = prefix + "[" + items.joined(separator: ", ") + "]"
            if !inline.contains("\n") && Self.fits(inline + Self.arrayReserve(elements), depth: depth) { return inline }
            let body = items.map { Self.indented($0) + "," }.joined(separator: "\n")
            return prefix + "[\n" + body + "\n]"
        }
    }

    /// swift-format breaks an array of several elements one column earlier than other
    /// code (it reserves room for the trailing comma a broken array gets).
    private static func arrayReserve(_ elements: [SwiftExpr]) -> String {
        elements.count > 1 ? " " : ""
    }

    private static func arrayReserve(_ statement: SwiftStatement) -> String {
        if case let .expression(_, .array(elements)) = statement { return arrayReserve(elements) }
        return ""
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indentUnit + $0 }.joined(separator: "\n")
    }

    private static func fits(_ line: String, depth: Int) -> Bool {
        // Bytes bound characters from above: only a long line needs counting.
        depth * indentUnit.count + line.utf8.count <= lineLength || depth * indentUnit.count + line.count <= lineLength
    }

    private static func modifiers(_ access: SwiftAccess?) -> String {
        access.map { $0.rawValue + " " } ?? ""
    }

    private static func parameter(_ parameter: FunctionDecl.Parameter) -> String {
        let names = parameter.label.map { $0 + " " + parameter.name } ?? parameter.name
        return names + ": " + parameter.type + (parameter.defaultValue.map { " = " + $0 } ?? "")
    }
}
