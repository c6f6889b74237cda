import Foundation

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

    /// One observation (the current version: superseded ones are left out).
    public struct Observation: Sendable, Hashable {
        public var id: String
        /// `yyyy-mm-dd`.
        public var observedOn: String
        public var competent: Bool

        public init(id: String, observedOn: String, competent: Bool) {
            self.id = id
            self.observedOn = observedOn
            self.competent = competent
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
    public var observations: [String: [Observation]]
    public var practicumHoursSignedOff: Double
    public var practicumHoursAwaitingSignOff: Double
    public var continuingEducation: [CEEntry]

    public init(quizzes: [String: QuizOutcome] = [:], observations: [String: [Observation]] = [:],
                practicumHoursSignedOff: Double = 0, practicumHoursAwaitingSignOff: Double = 0,
                continuingEducation: [CEEntry] = []) {
        self.quizzes = quizzes
        self.observations = observations
        self.practicumHoursSignedOff = practicumHoursSignedOff
        self.practicumHoursAwaitingSignOff = practicumHoursAwaitingSignOff
        self.continuingEducation = continuingEducation
    }
}
