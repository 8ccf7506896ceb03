/// The little the planner needs to know about SQL expressions written in the
/// DSL (checks, predicates): which identifiers they mention, and renaming one.
/// Quoted strings are skipped, so `status <> 'status'` mentions `status` once.
enum SQLText {
    static func mentions(_ sql: String, identifier: String) -> Bool {
        tokens(sql).contains { $0.isIdentifier && $0.text.lowercased() == identifier }
    }

    /// `sql` with every bare or quoted occurrence of identifier `from` replaced by `to`,
    /// what PostgreSQL does to stored expressions when a column is renamed.
    static func renaming(_ sql: String, from: String, to: String) -> String {
        tokens(sql).map { $0.isIdentifier && $0.text.lowercased() == from ? to : $0.source }.joined()
    }

    struct Token {
        var source: String
        var isIdentifier: Bool
        /// The identifier without quotes.
        var text: String
    }

    static func tokens(_ sql: String) -> [Token] {
        var result: [Token] = []
        var chars = Array(sql)[...]
        while let first = chars.first {
            if first == "'" {
                result.append(Token(source: String(takeQuoted(&chars, "'")), isIdentifier: false, text: ""))
            } else if first == "\"" {
                let quoted = String(takeQuoted(&chars, "\""))
                result.append(Token(source: quoted, isIdentifier: true, text: String(quoted.dropFirst().dropLast())))
            } else if first.isLetter || first == "_" {
                let word = chars.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                chars = chars.dropFirst(word.count)
                // A name right after `.` or `::` is a field or type, not a column of this table.
                let previous = result.last?.source ?? ""
                let qualified = previous.hasSuffix(".") || previous.hasSuffix("::")
                result.append(Token(source: String(word), isIdentifier: !qualified, text: String(word)))
            } else {
                let other = chars.prefix { !($0.isLetter || $0 == "_" || $0 == "'" || $0 == "\"") }
                chars = chars.dropFirst(max(1, other.count))
                result.append(Token(source: other.isEmpty ? String(first) : String(other), isIdentifier: false, text: ""))
            }
        }
        return result
    }

    /// A quoted run, doubled quotes included; an unterminated one runs to the end.
    private static func takeQuoted(_ chars: inout ArraySlice<Character>, _ quote: Character) -> ArraySlice<Character> {
        var end = chars.index(after: chars.startIndex)
        while end < chars.endIndex {
            if chars[end] == quote {
                let next = chars.index(after: end)
                if next < chars.endIndex && chars[next] == quote { end = chars.index(after: next); continue }
                end = next
                let taken = chars[chars.startIndex..<end]
                chars = chars[end...]
                return taken
            }
            end = chars.index(after: end)
        }
        let taken = chars
        chars = chars[chars.endIndex...]
        return taken
    }
}
