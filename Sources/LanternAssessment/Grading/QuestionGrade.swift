/// The grade of one question in an attempt.
public struct QuestionGrade: Sendable, Hashable, Codable {
    public var questionID: String
    /// The content hash of the question that was graded, so a later change can be detected.
    public var contentHash: String
    /// 0…1.
    public var score: Fraction
    public var points: Int
    public var isCritical: Bool
    public var answered: Bool
    /// An essay waiting for a person to mark it (scores 0 until then, and counts for no points).
    public var needsMarking: Bool
    /// Feedback for what was answered, then the question's general feedback (Markdown).
    public var feedback: [String]

    public init(questionID: String, contentHash: String, score: Fraction, points: Int, isCritical: Bool,
                answered: Bool, needsMarking: Bool = false, feedback: [String]) {
        self.questionID = questionID
        self.contentHash = contentHash
        self.score = score
        self.points = points
        self.isCritical = isCritical
        self.answered = answered
        self.needsMarking = needsMarking
        self.feedback = feedback
    }

    /// Full marks.
    public var isCorrect: Bool { score == .one }
}
