import Foundation
import LanternAssessment

/// What the records hold about one trainee that certificate rules look at — plain values, so
/// evaluation is pure (no database, no clock).
public struct TraineeEvidence: Sendable, Hashable {
    /// A trainee's standing at one quiz.
    public struct QuizOutcome: Sendable, Hashable {
        public var attempts: Int
        /// The grade by the quiz's `grading:` rule (`grading`), else the best attempt's score.
        public var bestScore: Double
        /// Passed by the quiz's rule: the pass mark reached with every safety-critical item right.
        public var passed: Bool
        /// The quiz's `grading:` rule that made the grade (nil: the best attempt).
        public var grading: String?

        public init(attempts: Int, bestScore: Double, passed: Bool, grading: String? = nil) {
            self.attempts = attempts
            self.bestScore = bestScore
            self.passed = passed
            self.grading = grading
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
