import CYAML

/// Reads one YAML document into a `YAMLNode` tree with libyaml's event API.
///
/// The tree is built straight from the event stream with an explicit stack
/// (see `YAMLTreeBuilder`), so deep input cannot overflow the call stack and
/// libyaml's own node graph is never materialised.
public enum YAMLReader {
    /// Parses one YAML document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) -> YAMLDocument {
        parse(bytes, limits: YAMLLimits())
    }

    /// Parses one YAML document from text.
    public static func parse(_ text: String) -> YAMLDocument {
        var text = text
        // withUTF8 hands out the string's own storage for native strings, so no copy.
        return text.withUTF8 { parse($0, limits: YAMLLimits()) }
    }

    static func parse(_ bytes: [UInt8], limits: YAMLLimits) -> YAMLDocument {
        bytes.withUnsafeBufferPointer { parse($0, limits: limits) }
    }

    static func parse(_ input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> YAMLDocument {
        guard let base = input.baseAddress, !input.isEmpty else {
            return YAMLDocument(root: nil, problems: [])
        }
        // Heap-allocated because libyaml keeps a pointer to the parser inside
        // itself (read_handler_data); a Swift local could be moved between calls.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            return YAMLDocument(root: nil, problems: [YAMLProblem("out of memory while parsing YAML", at: Mark(line: 1, column: 1))])
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)
        return readEvents(parser, input: input, limits: limits)
    }

    private static func readEvents(
        _ parser: UnsafeMutablePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits
    ) -> YAMLDocument {
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        var builder = YAMLTreeBuilder(limits: limits)
        var documents = 0
        while true {
            // On failure libyaml zeroes the event, so deleting it is still safe;
            // calling parse again after an error would yield empty events forever.
            guard yaml_parser_parse(parser, event) != 0 else {
                return builder.failed(with: syntaxProblem(parser.pointee, input: input))
            }
            defer { yaml_event_delete(event) }
            do throws(YAMLProblem) {
                guard try feed(event.pointee, to: &builder, documents: &documents) else { return builder.finish() }
            } catch {
                return builder.failed(with: error)
            }
        }
    }

    /// Forwards one event; returns false once the stream has ended.
    private static func feed(
        _ event: yaml_event_t, to builder: inout YAMLTreeBuilder, documents: inout Int
    ) throws(YAMLProblem) -> Bool {
        let mark = Mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = string(scalar.value, count: scalar.length)
            try builder.scalar(Scalar(text, style: Scalar.Style(scalar.style)),
                               tag: tag(scalar.tag), anchor: cString(scalar.anchor), at: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try builder.open(.mapping, tag: tag(start.tag), anchor: cString(start.anchor), at: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try builder.open(.sequence, tag: tag(start.tag), anchor: cString(start.anchor), at: mark)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            builder.close()
        case YAML_ALIAS_EVENT:
            try builder.alias(cString(event.data.alias.anchor) ?? "", at: mark)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { throw YAMLProblem("only one YAML document per file is supported", at: mark) }
        case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
            return false
        default:
            break  // stream start, document end
        }
        return true
    }
}

// MARK: - Converting libyaml values

extension Mark {
    /// libyaml marks are 0-based; its column already counts characters, not bytes.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

extension Scalar.Style {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}

extension YAMLReader {
    /// libyaml has already validated the text as UTF-8, so decoding cannot repair anything.
    /// Copying into the string's own storage is the fast path: `String(decoding:as:)`
    /// on a pointer goes through a generic, much slower route (a dynamic cast per call).
    fileprivate static func string(_ bytes: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let bytes, count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.baseAddress!.initialize(from: bytes, count: count)
            return count
        }
    }

    fileprivate static func cString(_ bytes: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        bytes.map { String(cString: $0) }
    }

    /// libyaml expands `!!str` to `tag:yaml.org,2002:str`; give back the short
    /// form people write (and that `YAMLNode.tag` documents).
    fileprivate static func tag(_ bytes: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let tag = cString(bytes) else { return nil }
        let core = "tag:yaml.org,2002:"
        return tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
    }
}
