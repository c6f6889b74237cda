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
    /// Further problems found in the same input (a file read whole reports every problem at its
    /// line, then records nothing): printed after this one. Empty for a single failure.
    public var alsoFound: [Diagnostic] = []

    public init(_ code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Every error among `diagnostics` as one failure (the first, in file order, with the rest
    /// in `alsoFound`); nil when there is none.
    public init?(collecting diagnostics: [Diagnostic]) {
        let errors = Diagnostic.sorted(diagnostics).filter { $0.severity == .error }
        guard let first = errors.first else { return nil }
        self.init(first.code, first.message, at: first.location, hint: first.hint)
        alsoFound = Array(errors.dropFirst())
    }

    /// This failure and every further one, in order.
    public var diagnostics: [Diagnostic] { [diagnostic] + alsoFound }

    /// The same failure as a diagnostic, for printing.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public var description: String {
        diagnostics.map { diagnostic in
            var text = diagnostic.description
            if let hint = diagnostic.hint { text += "\n  hint: \(hint)" }
            return text
        }.joined(separator: "\n")
    }
}
