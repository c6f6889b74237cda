/// An error a library throws when it cannot go on: it says what went wrong, where, and
/// what to do. The executable prints it as a diagnostic and exits non-zero.
///
/// Messages never include personal data beyond an identifier.
public struct LanternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable name for the kind of failure.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(_ code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// The same failure as a diagnostic, for printing.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public var description: String {
        var text = diagnostic.description
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
