import SchemacIR

/// Renders `SwiftDecl`s as swift-format lays them out with its default settings and
/// a line length of 120: 4-space indentation, one blank line between members (none
/// between undocumented enum cases or stored properties that follow each other), lists
/// that do not fit broken one item per line, no trailing white space.
///
/// Everything is written straight into one `SourceBuffer`; a one-line layout is
/// written first and replaced by the broken one when it turns out not to fit.
struct SwiftRenderer: ~Copyable {
    static let lineLength = 120

    private var out: SourceBuffer

    /// A whole file: header comment lines, imports, then the declarations.
    static func file(header: [String], imports: [String], declarations: [SwiftDecl]) -> String {
        rendered(header: header, imports: imports, declarations: declarations).out.text
    }

    /// `file(header:imports:declarations:)` as UTF-8.
    static func fileBytes(header: [String], imports: [String], declarations: [SwiftDecl]) -> [UInt8] {
        rendered(header: header, imports: imports, declarations: declarations).out.bytes
    }

    private static func rendered(header: [String], imports: [String], declarations: [SwiftDecl]) -> SwiftRenderer {
        var renderer = SwiftRenderer(out: SourceBuffer(capacity: 8192))
        for line in header { renderer.writeLine(line.isEmpty ? "//" : "// " + line, depth: 0) }
        renderer.out.blankLine()
        for module in imports { renderer.writeLine("import " + module, depth: 0) }
        for declaration in declarations {
            renderer.out.blankLine()
            renderer.render(declaration, depth: 0)
        }
        if renderer.out.count == 0 { renderer.out.newline() }
        return renderer
    }

    private mutating func writeLine(_ text: String, depth: Int) {
        if !text.isEmpty {
            out.indent(depth)
            out.write(text)
        }
        out.newline()
    }

    /// `/// text`, long lines broken between words to fit the line length.
    private mutating func doc(_ text: [String], depth: Int) {
        let width = Self.lineLength - depth * SourceBuffer.indentWidth - 4
        for line in text {
            if line.utf8.count <= width {
                writeDocLine(line, depth: depth)
            } else {
                for wrapped in Self.wrapWords(line, width: width) { writeDocLine(wrapped, depth: depth) }
            }
        }
    }

    private mutating func writeDocLine(_ text: String, depth: Int) {
        out.indent(depth)
        out.write(text.isEmpty ? "///" : "/// ")
        out.write(text)
        out.newline()
    }

    /// `line` broken between words into lines of at most `width` Characters (a word
    /// longer than that gets a line of its own).
    private static func wrapWords(_ line: String, width: Int) -> [String] {
        // In printable ASCII every Character is a byte, and bytes are far cheaper to count.
        guard line.everyUTF8Byte({ $0 >= 0x20 && $0 < 0x7F }) else { return wrapWordsCountingCharacters(line, width: width) }
        guard line.utf8.count > width else { return [line] }
        // Words are split at single spaces (consecutive spaces leave empty words), and a
        // word joins a line after one space, or starts it: a line is then always one run
        // of the text, `start..<end`, cut out once it is complete.
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        var text = line
        text.withUTF8 { bytes in
            func piece(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var start = 0
            var end = 0
            var wordStart = 0
            while wordStart <= bytes.count {
                var wordEnd = wordStart
                while wordEnd < bytes.count && bytes[wordEnd] != space { wordEnd += 1 }
                if start < end && end - start + 1 + (wordEnd - wordStart) > width {
                    lines.append(piece(start..<end))
                    start = wordStart
                } else if start == end {
                    start = wordStart
                }
                end = wordEnd
                wordStart = wordEnd + 1
            }
            lines.append(piece(start..<end))
        }
        return lines
    }

    /// `wrapWords` for text that is not all printable ASCII.
    private static func wrapWordsCountingCharacters(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
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
            out.indent(depth)
            out.write("case ")
            out.write(enumCase.name)
            if let rawValue = enumCase.rawValue {
                out.write(" = ")
                SwiftLiteral.writeString(rawValue, to: &out)
            }
            out.newline()
        case let .function(function): render(function, depth: depth)
        case let .typeAlias(alias):
            doc(alias.doc, depth: depth)
            out.indent(depth)
            write(alias.access)
            out.write("typealias ")
            out.write(alias.name)
            out.write(" = ")
            out.write(alias.type)
            out.newline()
        case let .associatedType(associated):
            doc(associated.doc, depth: depth)
            out.indent(depth)
            out.write("associatedtype ")
            out.write(associated.name)
            out.write(": ")
            out.write(associated.type)
            out.newline()
        }
    }

    private mutating func render(_ type: TypeDecl, depth: Int) {
        doc(type.doc, depth: depth)
        out.indent(depth)
        let start = out.count
        write(type.access)
        out.write(type.kind.rawValue)
        out.write(" ")
        out.write(type.name)
        if !type.conformances.isEmpty {
            let afterName = out.mark
            out.write(": ")
            write(type.conformances, separator: ", ")
            if !fits(from: start, depth: depth, suffix: " {") {
                out.rewind(to: afterName)
                out.write(":")
                out.newline()
                out.indent(depth + 1)
                write(type.conformances, separator: ", ")
                out.newline()
                out.indent(depth)
                out.write("{")
            } else {
                out.write(" {")
            }
        } else {
            out.write(" {")
        }
        out.newline()
        renderMembers(type.members, depth: depth + 1)
        writeLine("}", depth: depth)
    }

    private mutating func renderMembers(_ members: [SwiftDecl], depth: Int) {
        // By index, through the buffer: iterating the array copied every member (and
        // all it holds) only to free the copy again.
        members.withUnsafeBufferPointer { members in
            var previousIsCompact = false
            for index in members.indices {
                let isCompact = Self.isCompact(members[index])
                if index > 0 && !(previousIsCompact && isCompact) { out.blankLine() }
                previousIsCompact = isCompact
                render(members[index], depth: depth)
            }
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
        out.indent(depth)
        let start = out.count
        write(property.access)
        if property.isStatic { out.write("static ") }
        out.write(property.isLet ? "let " : "var ")
        out.write(property.name)
        if let type = property.type {
            out.write(": ")
            out.write(type)
        }
        if property.isRequirement {
            out.write(" { get }")
        } else if let value = property.value {
            out.write(" = ")
            expression(value, depth: depth, from: start)
        } else if let getter = property.getter {
            renderBody(getter, depth: depth, headStart: start)
            return
        }
        out.newline()
    }

    private mutating func render(_ function: FunctionDecl, depth: Int) {
        doc(function.doc, depth: depth)
        out.indent(depth)
        let start = out.count
        write(function.access)
        if function.isStatic { out.write("static ") }
        if function.name != "init" { out.write("func ") }
        out.write(function.name)
        let beforeParameters = out.mark
        out.write("(")
        // Loops by index here and below: iterating an array copies each element.
        // The rest of a parameter list too long for one line is not written only to be taken back.
        var isTooLong = false
        var checksLength = true
        for index in function.parameters.indices {
            if index > 0 { out.write(", ") }
            write(function.parameters[index])
            if isPastLineLength(from: start, depth: depth, checking: &checksLength) {
                isTooLong = true
                break
            }
        }
        if !isTooLong { writeSignatureTail(function) }
        if isTooLong || (!function.parameters.isEmpty && !fits(from: start, depth: depth, suffix: " {")) {
            out.rewind(to: beforeParameters)
            out.write("(")
            out.newline()
            for index in function.parameters.indices {
                out.indent(depth + 1)
                write(function.parameters[index])
                if index < function.parameters.count - 1 { out.write(",") }
                out.newline()
            }
            out.indent(depth)
            writeSignatureTail(function)
        }
        renderBody(function.body, depth: depth, headStart: start)
    }

    private mutating func writeSignatureTail(_ function: FunctionDecl) {
        out.write(function.isThrowing ? ") throws" : ")")
        if let returnType = function.returnType {
            out.write(" -> ")
            out.write(returnType)
        }
    }

    /// After the head written from `headStart` (the line's text after its indentation):
    /// ` { statement }` on the same line when the body is one short statement, else a block.
    private mutating func renderBody(_ body: [SwiftStatement], depth: Int, headStart: Int) {
        let afterHead = out.mark
        if body.count == 1 && out.lineStart <= headStart {
            out.write(" { ")
            write(body[0], depth: depth + 1)
            out.write(" }")
            let reserve = Self.arrayReserve(body[0])
            if out.isOneLine(since: afterHead) && fits(from: headStart, depth: depth, suffix: reserve) {
                out.newline()
                return
            }
            out.rewind(to: afterHead)
        }
        out.write(" {")
        out.newline()
        for index in body.indices {
            let beforeIndent = out.mark
            out.indent(depth + 1)
            let start = out.count
            write(body[index], depth: depth + 1)
            // An empty statement is an empty line, without trailing white space.
            if out.count == start { out.rewind(to: beforeIndent) }
            out.newline()
        }
        writeLine("}", depth: depth)
    }

    /// A statement laid out as if it began a line `depth` levels deep.
    private mutating func write(_ statement: SwiftStatement, depth: Int) {
        switch statement {
        case let .line(text): out.write(text)
        case let .assignSelf(name):
            out.write("self.")
            out.write(name)
            out.write(" = ")
            out.write(name)
        case let .expression(prefix, value):
            let start = out.count
            out.write(prefix)
            expression(value, depth: depth, from: start)
        }
    }

    /// `value`, after a prefix written from `start` on a line `depth` levels deep: the
    /// prefix counts towards the line length.
    private mutating func expression(_ value: SwiftExpr, depth: Int, from start: Int) {
        switch value {
        case let .raw(text): out.write(text)
        case let .string(text):
            // A one-line string too long for its line goes into a `"""` literal too: it may
            // not get shorter there, but it starts at the left of its own line.
            let beforeLiteral = out.mark
            if !SwiftLiteral.hasLineFeed(text) {
                SwiftLiteral.writeString(text, to: &out)
                if fits(from: start, depth: depth) { return }
                out.rewind(to: beforeLiteral)
            }
            SwiftLiteral.writeMultilineString(text, indent: depth + 1, to: &out)
        case let .array(elements): array(elements, depth: depth, from: start)
        }
    }

    private mutating func array(_ elements: [SwiftExpr], depth: Int, from start: Int) {
        let beforeArray = out.mark
        out.write("[")
        var isTooLong = false
        var checksLength = true
        for index in elements.indices {
            if index > 0 { out.write(", ") }
            expression(elements[index], depth: depth + 1, from: out.count)
            if isPastLineLength(from: start, depth: depth, checking: &checksLength) {
                isTooLong = true
                break
            }
        }
        if !isTooLong {
            out.write("]")
            let reserve = Self.arrayReserve(elements)
            if out.isOneLine(since: beforeArray) && fits(from: start, depth: depth, suffix: reserve) {
                return
            }
        }
        out.rewind(to: beforeArray)
        out.write("[")
        out.newline()
        for index in elements.indices {
            out.indent(depth + 1)
            expression(elements[index], depth: depth + 1, from: out.count)
            out.write(",")
            out.newline()
        }
        out.indent(depth)
        out.write("]")
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

    /// Whether the text written from `start` is ASCII and already longer than a line
    /// `depth` levels deep: then nothing written after it can make it fit. Looked at once,
    /// when the text first grows past the line length (`checking` turns false then).
    private func isPastLineLength(from start: Int, depth: Int, checking: inout Bool) -> Bool {
        guard checking, out.count - start > Self.lineLength - depth * SourceBuffer.indentWidth else { return false }
        checking = false
        return out.isASCII(from: start)
    }

    private func fits(from start: Int, depth: Int, suffix: String = "") -> Bool {
        out.fits(from: start, depth: depth, suffix: suffix, lineLength: Self.lineLength)
    }

    private mutating func write(_ access: SwiftAccess?) {
        guard let access else { return }
        out.write(access.rawValue)
        out.write(" ")
    }

    private mutating func write(_ items: [String], separator: String) {
        for index in items.indices {
            if index > 0 { out.write(separator) }
            out.write(items[index])
        }
    }

    private mutating func write(_ parameter: FunctionDecl.Parameter) {
        if let label = parameter.label {
            out.write(label)
            out.write(" ")
        }
        out.write(parameter.name)
        out.write(": ")
        out.write(parameter.type)
        if let defaultValue = parameter.defaultValue {
            out.write(" = ")
            out.write(defaultValue)
        }
    }
}
