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
        if let camel = asciiCamel(name, upper: false) { return camel }
        let words = words(name)
        guard let first = words.first else { return "value" }
        let head = first.allSatisfy(\.isUppercase) ? first.lowercased() : first.prefix(1).lowercased() + first.dropFirst()
        return digitSafe(head + words.dropFirst().map(capitalized).joined())
    }

    /// `budget_entry` → `BudgetEntry`.
    static func upperCamel(_ name: String) -> String {
        if let camel = asciiCamel(name, upper: true) { return camel }
        let words = words(name)
        guard !words.isEmpty else { return "Value" }
        return digitSafe(words.map(capitalized).joined())
    }

    /// The identifier as written in a declaration or after `self.`: keywords in backticks.
    static func escaped(_ identifier: String) -> String {
        SwiftKeywords.isKeyword(identifier) ? "`" + identifier + "`" : identifier
    }

    /// `lowerCamel` or `upperCamel` of an all-ASCII name (every SQL identifier), byte by
    /// byte: there every Character is one byte, and the Character-wise rules below cost
    /// a hundred times more. Nil for a name that is not all ASCII.
    private static func asciiCamel(_ name: String, upper: Bool) -> String? {
        var name = name
        let camel = name.withUTF8 { input -> String? in
            guard !input.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: input.count + 1) { out in
                var count = 0
                var isFirstWord = true
                var index = 0
                while index < input.count {
                    guard isLetterOrDigit(input[index]) else {
                        index += 1
                        continue
                    }
                    var end = index + 1
                    while end < input.count && isLetterOrDigit(input[end]) { end += 1 }
                    let word = index..<end
                    if isFirstWord && isDigit(input[index]) {
                        out[count] = UInt8(ascii: "_")
                        count += 1
                    }
                    let lowerWhole = isFirstWord && !upper && word.allSatisfy { isUppercaseLetter(input[$0]) }
                    let lowerInitial = isFirstWord && !upper
                    for offset in word {
                        let byte = input[offset]
                        if offset == index {
                            out[count] = lowerInitial ? lowercased(byte) : uppercased(byte)
                        } else {
                            out[count] = lowerWhole ? lowercased(byte) : byte
                        }
                        count += 1
                    }
                    isFirstWord = false
                    index = end
                }
                return count
            }
        }
        guard let camel else { return nil }
        return camel.isEmpty ? (upper ? "Value" : "value") : camel
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || isUppercaseLetter(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isUppercaseLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    private static func uppercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { isUppercaseLetter(byte) ? byte + 0x20 : byte }

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
    /// The names handed out. A scope usually holds a few names, and comparing a short
    /// name with each costs less than hashing it: the set takes over past `listLimit`.
    private var takenList: [String] = []
    private var takenSet: Set<String> = []
    private let capacity: Int
    private static let listLimit = 16
    /// Names that are never handed out as they are, but with a trailing `_`.
    private let reserved: Set<String>
    /// Bit `n` is set when a reserved name is `n` bytes long (63: that long or longer):
    /// most candidates are then known not to be reserved without hashing them.
    private let reservedLengths: UInt64

    /// `capacity`: how many names will be claimed, to size the set once.
    init(reserved: Set<String> = [], taken: Set<String> = [], capacity: Int = 0) {
        self.reserved = reserved
        reservedLengths = reserved.reduce(0) { $0 | Self.lengthBit($1) }
        self.capacity = capacity + taken.count
        takenList.reserveCapacity(min(self.capacity, Self.listLimit))
        for name in taken { _ = insert(name) }
    }

    private static func lengthBit(_ name: String) -> UInt64 { 1 << UInt64(min(name.utf8.count, 63)) }

    private func isReserved(_ name: String) -> Bool {
        reservedLengths & Self.lengthBit(name) != 0 && reserved.contains(name)
    }

    private func contains(_ name: String) -> Bool {
        guard takenSet.isEmpty else { return takenSet.contains(name) }
        // Byte counts first: comparing them is one load each, comparing text a call.
        let count = name.utf8.count
        return takenList.contains { $0.utf8.count == count && $0 == name }
    }

    /// Takes `name`; false when it was taken already.
    private mutating func insert(_ name: String) -> Bool {
        if takenSet.isEmpty {
            if contains(name) { return false }
            if takenList.count < Self.listLimit {
                takenList.append(name)
                return true
            }
            takenSet.reserveCapacity(max(capacity, takenList.count + 1))
            takenSet.formUnion(takenList)
            takenList = []
        }
        return takenSet.insert(name).inserted
    }

    /// `candidate`, `candidate_` when reserved, or the first of `…2`, `…3`… still free
    /// (`…_2`, `…_3` after a name that ends in a digit: `x1_2`, not `x12`).
    mutating func claim(_ candidate: String) -> String {
        let base = isReserved(candidate) ? candidate + "_" : candidate
        var name = base
        var number = 2
        while !insert(name) {
            name = base + (base.last?.isNumber == true ? "_" : "") + String(number)
            number += 1
        }
        return name
    }

    /// Like `claim`, comparing case-insensitively (file names on macOS and Windows).
    mutating func claimIgnoringCase(_ candidate: String) -> String {
        var name = candidate
        var lowercased = name.lowercased()
        var number = 2
        while contains(lowercased) {
            name = candidate + "_" + String(number)
            lowercased = name.lowercased()
            number += 1
        }
        _ = insert(lowercased)
        return name
    }
}
