/// What the records say about one trainee, as far as the course map needs it.
public struct LearnerProgress: Sendable, Hashable {
    /// Modules opened at least once.
    public var opened: Set<String>
    /// Modules read to the end.
    public var completed: Set<String>
    /// Quizzes passed (by the quiz's own combining rule).
    public var passedQuizzes: Set<String>
    /// Submitted attempts per quiz.
    public var attemptsUsed: [String: Int]
    /// Checklists rated competent on enough occasions.
    public var competentChecklists: Set<String>
    /// Quizzes with an attempt started and not submitted (the learner reopens it).
    public var openQuizzes: Set<String> = []
    /// Attempts allowed per quiz, counting a trainer's grants (absent: the quiz's own limit).
    public var attemptsAllowed: [String: Int] = [:]

    public init(opened: Set<String> = [], completed: Set<String> = [], passedQuizzes: Set<String> = [],
                attemptsUsed: [String: Int] = [:], competentChecklists: Set<String> = []) {
        self.opened = opened
        self.completed = completed
        self.passedQuizzes = passedQuizzes
        self.attemptsUsed = attemptsUsed
        self.competentChecklists = competentChecklists
    }
}
