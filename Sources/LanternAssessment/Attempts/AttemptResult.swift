import Foundation

/// The outcome of a submitted attempt: a grade per question, the total, pass or fail, and why.
public struct AttemptResult: Sendable, Hashable, Codable {
    public var quizID: String
    public var attemptNumber: Int
    public var seed: UInt64
    public var submittedAt: Date?
    /// In the order the questions were shown.
    public var questions: [QuestionGrade]
    /// Σ score × points.
    public var earned: Fraction
    /// Σ points of the automatically graded questions.
    public var possible: Int
    /// earned ÷ possible, 0…1.
    public var total: Fraction
    public var passMark: Fraction
    public var passed: Bool
    /// Safety-critical questions that were not fully right.
    public var failedCritical: [String]
    /// Why the attempt passed or failed, in sentences for people.
    public var reasons: [String]
    /// The score band's feedback, if the quiz has bands.
    public var bandFeedback: String?
    /// Submitted after the time limit ran out.
    public var overTime: Bool
    /// Essays waiting for a person to mark them.
    public var needsMarking: [String]

    public func grade(of questionID: String) -> QuestionGrade? { questions.first { $0.questionID == questionID } }
}
