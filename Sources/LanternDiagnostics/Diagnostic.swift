/// One problem found in a user's files, printed compiler-style.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Where the problem is; `nil` for problems that belong to no file.
    public var location: SourceLocation?
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// A stable machine-readable name for the kind of problem (`unknown-key`, `broken-link`, …).
    public var code: String

    public init(_ severity: Severity, _ code: String, _ message: String,
                at location: SourceLocation?, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }

    /// `path:line:col: error: message`, without the hint.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// Orders diagnostics by file, line and column, then severity, so output is stable.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default:
                if a.severity != b.severity { return a.severity < b.severity }
                return a.message < b.message
            }
        }
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these is an error (warnings and notes do not fail a check).
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
