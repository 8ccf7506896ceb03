import CYAML

extension YAMLReader {
    /// Turns libyaml's error state into one problem with a 1-based mark.
    static func syntaxProblem(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLProblem("out of memory while parsing YAML", at: Mark(line: 1, column: 1))
        case YAML_READER_ERROR:
            // The reader reports a byte offset, not a mark.
            let value = parser.problem_value == -1 ? "" : " (0x\(String(parser.problem_value, radix: 16, uppercase: true)))"
            return YAMLProblem("invalid text: \(problem)\(value); YAML files must be UTF-8",
                               at: mark(atByteOffset: parser.problem_offset, in: input))
        default:
            var message = problem
            if let context = parser.context.map({ String(cString: $0) }) {
                let start = Mark(parser.context_mark)
                message += " (\(context) at line \(start.line), column \(start.column))"
            }
            return YAMLProblem(message, at: Mark(parser.problem_mark))
        }
    }

    /// Line and column (in characters) of a byte offset. Only runs on the error
    /// path, so a byte loop is fine here.
    static func mark(atByteOffset offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1, column = 1
        var previous: UInt8 = 0
        for byte in input.prefix(max(0, offset)) {
            switch byte {
            case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"):
                break  // second half of a CRLF break
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                line += 1
                column = 1
            case 0x80..<0xC0:
                break  // UTF-8 continuation byte: same character
            default:
                column += 1
            }
            previous = byte
        }
        return Mark(line: line, column: column)
    }
}
