import Foundation

/// One submitted quiz attempt, recorded whole in one transaction and never changed.
///
/// `responses` and `results` are JSON text in the shape of the assessment engine's Codable
/// types, so the records layer never needs to know every question type.
public struct QuizAttempt: Sendable, Hashable, Codable {
    public var id: String
    public var traineeID: String
    public var quizID: String
    /// SHA-256 (hex) of the quiz file the attempt was taken on.
    public var quizHash: String
    public var seed: UInt64
    /// Question ids drawn for this attempt, in the order shown.
    public var questions: [String]
    public var responses: String
    public var results: String
    /// 0...1.
    public var score: Double
    public var passed: Bool
    public var startedAt: String
    public var submittedAt: String
    public var recordedAt: String
    public var recordedBy: String

    public init(id: String = RecordID.make("qa"), traineeID: String, quizID: String, quizHash: String, seed: UInt64,
                questions: [String], responses: String, results: String, score: Double, passed: Bool,
                startedAt: String, submittedAt: String, recordedAt: String = "", recordedBy: String = "") {
        self.id = id
        self.traineeID = traineeID
        self.quizID = quizID
        self.quizHash = quizHash
        self.seed = seed
        self.questions = questions
        self.responses = responses
        self.results = results
        self.score = score
        self.passed = passed
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// Encodes an engine value as the JSON text stored in `responses` or `results`.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
