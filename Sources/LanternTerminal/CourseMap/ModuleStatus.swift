/// Where a trainee stands in one module, in words a screen reader says as they are.
public enum ModuleStatus: Sendable, Hashable {
    case notStarted
    /// Opened, quiz not yet passed.
    case reading
    /// Read to the end; the module has no quiz.
    case read
    /// Every quiz of the module passed.
    case quizPassed
    /// Quizzes passed and every checklist rated competent.
    case competent

    public var label: String {
        switch self {
        case .notStarted: "not started"
        case .reading: "reading"
        case .read: "read"
        case .quizPassed: "quiz passed"
        case .competent: "competent"
        }
    }

    /// Counts as finished for modules that require this one.
    public var isDone: Bool {
        switch self {
        case .read, .quizPassed, .competent: true
        case .notStarted, .reading: false
        }
    }
}
