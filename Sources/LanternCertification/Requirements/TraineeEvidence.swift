import Foundation
import LanternAssessment

/// What the records hold about one trainee that certificate rules look at — plain values, so
/// evaluation is pure (no database, no clock). Built from the rows themselves (attempts,
/// observations, hours), never from a cache, and only from rows that match their audit entries.
public struct TraineeEvidence: Sendable, Hashable {
    /// A trainee's attempts at one quiz combined into one grade by the quiz's `grading:` rule
    /// (`QuizGrade.combine`, the assessment engine's rule).
    public struct QuizOutcome: Sendable, Hashable {
        public var attempts: Int
        /// The combined grade's score (for `highest`, the best attempt's).
        public var bestScore: Double
        /// The combined grade passed: the pass mark reached with every safety-critical item right.
        public var passed: Bool
        /// The quiz's rule: highest, average, first or last.
        public var rule: QuizSettings.Combining

        public init(attempts: Int, bestScore: Double, passed: Bool, rule: QuizSettings.Combining = .highest) {
            self.attempts = attempts
            self.bestScore = bestScore
            self.passed = passed
            self.rule = rule
        }
    }

    /// Continuing-education hours.
    public struct CEEntry: Sendable, Hashable {
        public var id: String
        /// `yyyy-mm-dd`.
        public var completedOn: String
        public var hours: Double
        public var category: String
        /// The renewal that already counted these hours (they count once).
        public var usedBy: String?

        public init(id: String = "", completedOn: String, hours: Double, category: String, usedBy: String? = nil) {
            self.id = id
            self.completedOn = completedOn
            self.hours = hours
            self.category = category
            self.usedBy = usedBy
        }
    }

    public var quizzes: [String: QuizOutcome]
    /// Every current (not superseded) observation, as the assessment engine reads them.
    public var observations: [Observation]
    public var practicumHoursSignedOff: Double
    public var practicumHoursAwaitingSignOff: Double
    public var continuingEducation: [CEEntry]

    public init(quizzes: [String: QuizOutcome] = [:], observations: [Observation] = [],
                practicumHoursSignedOff: Double = 0, practicumHoursAwaitingSignOff: Double = 0,
                continuingEducation: [CEEntry] = []) {
        self.quizzes = quizzes
        self.observations = observations
        self.practicumHoursSignedOff = practicumHoursSignedOff
        self.practicumHoursAwaitingSignOff = practicumHoursAwaitingSignOff
        self.continuingEducation = continuingEducation
    }
}
