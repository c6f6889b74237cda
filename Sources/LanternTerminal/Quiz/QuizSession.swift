import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

/// One attempt being taken: the attempt value, the question on screen, and the quiz's rules.
/// Pure: times are passed in, saving is the caller's job.
public struct QuizSession: Sendable {
    public let quiz: Quiz
    public let module: Module?
    /// The id the answers are saved under.
    public let attemptID: String
    public private(set) var attempt: Attempt
    /// The question on screen (0-based), or `count` for the review before submitting.
    public var index: Int

    public init(quiz: Quiz, module: Module?, attemptID: String, attempt: Attempt) {
        self.quiz = quiz
        self.module = module
        self.attemptID = attemptID
        self.attempt = attempt
        // Resume at the first question not yet answered (the review when all are).
        index = attempt.questions.firstIndex { attempt.responses[$0.questionID] == nil } ?? attempt.questions.count
    }

    /// The attempt as the store knows it (id and value), to save answers to and submit.
    public var open: OpenQuizAttempt { OpenQuizAttempt(id: attemptID, attempt: attempt, resumed: false) }

    public var count: Int { attempt.questions.count }
    public var answeredCount: Int { attempt.questions.filter { attempt.responses[$0.questionID] != nil }.count }
    public var isReviewing: Bool { index >= count }

    /// The question at `index` with how this attempt shows it.
    public func question(at index: Int) -> (question: Question, presented: PresentedQuestion)? {
        guard index >= 0, index < count else { return nil }
        let presented = attempt.questions[index]
        guard let question = quiz.question(presented.questionID) else { return nil }
        return (question, presented)
    }

    public var current: (question: Question, presented: PresentedQuestion)? { question(at: index) }

    /// Seconds left before the deadline (nil: no limit).
    public func secondsLeft(at time: Date) -> Int? {
        attempt.deadline.map { max(0, Int($0.timeIntervalSince(time).rounded(.down))) }
    }

    public func isTimeUp(at time: Date) -> Bool {
        attempt.deadline.map { time > $0 } ?? false
    }

    /// Feedback is shown straight after each answer, and the answer is then final.
    public var feedbackAfterEach: Bool { quiz.settings.feedback == .afterEach }

    /// Whether the answer to the question at `index` may still be changed.
    public func canChange(_ index: Int) -> Bool {
        guard let (question, _) = question(at: index) else { return false }
        return !(feedbackAfterEach && attempt.responses[question.id] != nil)
    }

    /// Records an answer (the caller saves it first); throws when the time is up.
    public mutating func answer(_ response: Response, at time: Date) throws(LanternError) {
        guard let (question, _) = current else { return }
        attempt = try attempt.answering(question.id, with: response, at: time)
    }

    /// "Attempt 2 of 3" or "Attempt 2".
    public var attemptText: String {
        quiz.settings.attempts > 0 ? "Attempt \(attempt.number) of \(quiz.settings.attempts)" : "Attempt \(attempt.number)"
    }

    /// "12 min left", "45 s left", or nil without a limit.
    public func timeText(at time: Date) -> String? {
        guard let seconds = secondsLeft(at: time) else { return nil }
        if seconds == 0 { return "time is up" }
        return seconds >= 120 ? "\(seconds / 60) min left" : "\(seconds) s left"
    }
}
