/// How SQL names become Swift identifiers (documented in docs/swift.md):
///
/// 1. The name is cut into words at `_` (table and column names) or at any character
///    that is not an ASCII letter or digit (enum labels: `in-progress`, `2fa`, `a b`).
/// 2. Members are lowerCamelCase (`display_name` → `displayName`, `NEW` → `new`), types
///    UpperCamelCase (`budget_entry` → `BudgetEntry`); the rest of a word keeps its case.
/// 3. A name with no letter or digit (an empty or emoji label) becomes `value`; one
///    starting with a digit gets a leading `_` (`2fa` → `_2fa`).
/// 4. A Swift keyword is written in backticks when it is a member (`` `default` ``); a
///    type named after a keyword or a type the generated code uses (`Date`, `Column`…)
///    gets a trailing `_` (`Date_`), and so does a member named `self` or after one the
///    synthesized conformances declare (`self_`, `hashValue_`, `rawValue_`, `allCases_`).
/// 5. Names that still collide are numbered in declaration order: the first keeps its
///    name, the next ones get `2`, `3`, … (`a_b` → `aB`, then `a__b` → `aB2`), after an
///    underscore when the name ends in a digit (`x1`, then `x_1` → `x1_2`).
enum SwiftNames {
    /// `display_name` → `displayName`.
    static func lowerCamel(_ name: String) -> String {
        let words = words(name)
        guard let first = words.first else { return "value" }
        let head = first.allSatisfy(\.isUppercase) ? first.lowercased() : first.prefix(1).lowercased() + first.dropFirst()
        return digitSafe(head + words.dropFirst().map(capitalized).joined())
    }

    /// `budget_entry` → `BudgetEntry`.
    static func upperCamel(_ name: String) -> String {
        let words = words(name)
        guard !words.isEmpty else { return "Value" }
        return digitSafe(words.map(capitalized).joined())
    }

    /// The identifier as written in a declaration or after `self.`: keywords in backticks.
    static func escaped(_ identifier: String) -> String {
        SwiftKeywords.all.contains(identifier) ? "`" + identifier + "`" : identifier
    }

    private static func words(_ name: String) -> [Substring] {
        name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    private static func capitalized(_ word: Substring) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func digitSafe(_ identifier: String) -> String {
        identifier.first?.isNumber == true ? "_" + identifier : identifier
    }
}

/// Hands out unique names within one scope (a type's members, a file's types).
struct NameAllocator {
    private var taken: Set<String>
    /// Names that are never handed out as they are, but with a trailing `_`.
    private let reserved: Set<String>

    init(reserved: Set<String> = [], taken: Set<String> = []) {
        self.reserved = reserved
        self.taken = taken
    }

    /// `candidate`, `candidate_` when reserved, or the first of `…2`, `…3`… still free
    /// (`…_2`, `…_3` after a name that ends in a digit: `x1_2`, not `x12`).
    mutating func claim(_ candidate: String) -> String {
        let base = reserved.contains(candidate) ? candidate + "_" : candidate
        let separator = base.last?.isNumber == true ? "_" : ""
        var name = base
        var number = 2
        while taken.contains(name) {
            name = base + separator + String(number)
            number += 1
        }
        taken.insert(name)
        return name
    }

    /// Like `claim`, comparing case-insensitively (file names on macOS and Windows).
    mutating func claimIgnoringCase(_ candidate: String) -> String {
        var name = candidate
        var number = 2
        while taken.contains(name.lowercased()) {
            name = candidate + "_" + String(number)
            number += 1
        }
        taken.insert(name.lowercased())
        return name
    }
}
