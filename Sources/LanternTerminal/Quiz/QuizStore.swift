import Foundation
import LanternAssessment
import LanternDiagnostics

/// An attempt started and not yet submitted, as saved: enough to rebuild it exactly (the
/// seed gives the same questions in the same order) and to resume at the same question.
public struct SavedAttempt: Sendable, Hashable {
    public var id: String
    public var number: Int
    public var seed: UInt64
    public var startedAt: Date
    public var responses: [String: Response]

    public init(id: String, number: Int, seed: UInt64, startedAt: Date, responses: [String: Response]) {
        self.id = id
        self.number = number
        self.seed = seed
        self.startedAt = startedAt
        self.responses = responses
    }
}

/// What the quiz runner needs from storage; every call is durable before it returns.
public protocol QuizStore: LearnerStore {
    /// The attempt at `quizID` started and not submitted, if any.
    func openAttempt(quizID: String) throws(LanternError) -> SavedAttempt?
    /// Saves the start of an attempt (number, seed, start time); returns its id.
    func startAttempt(quizID: String, number: Int, seed: UInt64, startedAt: Date) throws(LanternError) -> String
    /// Saves one answer of an attempt in progress.
    func saveAnswer(attemptID: String, quizID: String, questionID: String, response: Response) throws(LanternError)
    /// Records the submitted attempt and its result; the attempt is no longer open.
    func submit(attemptID: String, quiz: Quiz, attempt: Attempt, result: AttemptResult) throws(LanternError)
    /// Where the trainee stands on `quiz` (grade, attempts left counting grants, `wait:`).
    func standing(of quiz: Quiz) throws(LanternError) -> QuizStanding
}

extension QuizStore {
    /// Without grants, marks or times stored: attempts counted from the progress alone.
    public func standing(of quiz: Quiz) throws(LanternError) -> QuizStanding {
        let used = try progress().attemptsUsed[quiz.id] ?? 0
        return QuizStanding.evaluate([], settings: quiz.settings, attemptsUsed: used)
    }
}
