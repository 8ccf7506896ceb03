/// A small model of the Swift declarations schemac emits. Builders produce these
/// values; `SwiftRenderer` alone turns them into text, so indentation, wrapping and
/// blank lines are decided in one place.
///
/// Text in these values (names, types, code) holds no line break: lines are the
/// renderer's to make.
///
/// Not `indirect`: arrays already hold the nested values out of line, and a box per
/// declaration and expression cost a heap allocation each.
enum SwiftDecl: Hashable, Sendable {
    case type(TypeDecl)
    case property(PropertyDecl)
    case enumCase(EnumCaseDecl)
    case function(FunctionDecl)
    case typeAlias(TypeAliasDecl)
    /// `associatedtype Name: Constraint` in a protocol.
    case associatedType(TypeAliasDecl)
}

/// `access` modifier, when one is written.
enum SwiftAccess: String, Hashable, Sendable {
    case `public`, `private`, `fileprivate`, `internal`
}

/// A struct, enum, protocol or extension with its members.
struct TypeDecl: Hashable, Sendable {
    enum Kind: String, Hashable, Sendable {
        case `struct`, `enum`, `extension`, `protocol`
    }

    var kind: Kind
    var name: String
    var doc: [String] = []
    var access: SwiftAccess?
    var conformances: [String] = []
    var members: [SwiftDecl] = []
}

struct PropertyDecl: Hashable, Sendable {
    var name: String
    var type: String?
    var doc: [String] = []
    var access: SwiftAccess?
    var isStatic = false
    var isLet = false
    /// `= value` for a stored property.
    var value: SwiftExpr?
    /// The body of a computed property (a single expression or statements).
    var getter: [SwiftStatement]?
    /// In a protocol: `{ get }`.
    var isRequirement = false
}

struct EnumCaseDecl: Hashable, Sendable {
    var name: String
    var rawValue: String?
    var doc: [String] = []
}

struct FunctionDecl: Hashable, Sendable {
    struct Parameter: Hashable, Sendable {
        /// The argument label when it differs from the name (`_` for none).
        var label: String?
        var name: String
        var type: String
        var defaultValue: String?
    }

    /// `init` for an initializer, else the function's name.
    var name: String
    var doc: [String] = []
    var access: SwiftAccess?
    var isStatic = false
    var parameters: [Parameter] = []
    var isThrowing = false
    var returnType: String?
    var body: [SwiftStatement] = []
}

struct TypeAliasDecl: Hashable, Sendable {
    var name: String
    var type: String
    var doc: [String] = []
    var access: SwiftAccess?
}

/// One statement of a function or accessor body.
enum SwiftStatement: Hashable, Sendable {
    /// A line of code, as written.
    case line(String)
    /// `self.name = name`: an initializer storing the parameter of the same name.
    case assignSelf(String)
    /// `prefix` followed by an expression that may need to wrap: `return [a, b]`.
    case expression(prefix: String, SwiftExpr)
}

/// The few expression shapes the renderer has to lay out itself.
enum SwiftExpr: Hashable, Sendable {
    /// Code written as is (an identifier, a number, `.case`).
    case raw(String)
    /// A string literal; multi-line text becomes a `"""` literal.
    case string(String)
    /// An array literal, one element per line when it does not fit.
    case array([SwiftExpr])
}
