import Foundation
import LanternAssessment
import LanternDiagnostics

/// An attempt the learner may work on: its id (answers are saved under it), the attempt value
/// (drawn questions, answers so far, deadline), and whether it was resumed.
public struct OpenQuizAttempt: Sendable {
    public var id: String
    public var attempt: Attempt
    public var resumed: Bool

    public init(id: String, attempt: Attempt, resumed: Bool) {
        self.id = id
        self.attempt = attempt
        self.resumed = resumed
    }
}

/// What the quiz runner needs from the application: every step of taking a quiz is done there
/// (`LanternApplication.TakeQuiz`, the same code as `lantern quiz take`), and is durable
/// before the call returns. The terminal only shows questions and reads answers.
public protocol QuizStore: LearnerStore {
    /// Resumes the open attempt at `quiz`, or starts the next one drawn from `seed`; nil when
    /// the quiz allows no more attempts.
    func begin(_ quiz: Quiz, at time: Date, seed: UInt64) throws(LanternError) -> OpenQuizAttempt?
    /// Saves one answer of an open attempt (throws `time-up` after the deadline).
    func saveAnswer(_ response: Response, to questionID: String, of attempt: OpenQuizAttempt, at time: Date) throws(LanternError)
    /// Grades and records the attempt as it stands; it is no longer open.
    func submit(_ attempt: OpenQuizAttempt, of quiz: Quiz, at time: Date) throws(LanternError) -> AttemptResult
}
