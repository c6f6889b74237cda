import Foundation
import LanternAssessment

/// What the records hold about one trainee that certificate rules look at — plain values, so
/// evaluation is pure (no database, no clock).
public struct TraineeEvidence: Sendable, Hashable {
    /// The best outcome of a trainee's attempts at one quiz.
    public struct QuizOutcome: Sendable, Hashable {
        public var attempts: Int
        public var bestScore: Double
        /// Passed on at least one attempt: the pass mark reached with every safety-critical item right.
        public var passed: Bool

        public init(attempts: Int, bestScore: Double, passed: Bool) {
            self.attempts = attempts
            self.bestScore = bestScore
            self.passed = passed
        }
    }

    /// Continuing-education hours.
    public struct CEEntry: Sendable, Hashable {
        /// `yyyy-mm-dd`.
        public var completedOn: String
        public var hours: Double
        public var category: String

        public init(completedOn: String, hours: Double, category: String) {
            self.completedOn = completedOn
            self.hours = hours
            self.category = category
        }
    }

    public var quizzes: [String: QuizOutcome]
    /// Checklist id → its outcome by the assessment engine's one evaluation
    /// (`Checklist.evaluate`: occasions, n/a, critical criteria in the latest observation).
    public var checklists: [String: ChecklistOutcome]
    public var practicumHoursSignedOff: Double
    public var practicumHoursAwaitingSignOff: Double
    public var continuingEducation: [CEEntry]

    public init(quizzes: [String: QuizOutcome] = [:], checklists: [String: ChecklistOutcome] = [:],
                practicumHoursSignedOff: Double = 0, practicumHoursAwaitingSignOff: Double = 0,
                continuingEducation: [CEEntry] = []) {
        self.quizzes = quizzes
        self.checklists = checklists
        self.practicumHoursSignedOff = practicumHoursSignedOff
        self.practicumHoursAwaitingSignOff = practicumHoursAwaitingSignOff
        self.continuingEducation = continuingEducation
    }
}
