import Foundation
import GRDB
import LanternAssessment

/// One submitted quiz attempt, recorded whole in one transaction and never changed: a row of
/// `quiz_attempt` as a GRDB Codable record.
///
/// Every front end stores it in this one shape: `responses` holds the engine's `Attempt` and
/// `results` its `AttemptResult`, each through the one JSON codec of the assessment engine
/// (`AssessmentJSON`: sorted keys, ISO 8601 dates). What later decisions change (marks given by
/// a person, regrades) is kept beside it, never in it: see `EffectiveAttempt`.
public struct QuizAttempt: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "quiz_attempt"

    public var id: String
    public var traineeID: String
    public var quizID: String
    /// The trainee's attempt number at this quiz (1, 2, …). The database holds every trainee's
    /// numbers at a quiz unique and without gaps, so two processes cannot both record
    /// "attempt 3" and a quiz's `attempts:` cap cannot be exceeded.
    public var number: Int
    /// SHA-256 (hex) of the quiz file the attempt was drawn from, taken when it was read.
    public var quizHash: String
    /// The seed as stored: SQLite integers are signed, so the bits of the `UInt64`.
    private var storedSeed: Int64
    /// Question ids drawn for this attempt, in the order shown.
    public var questions: [String]
    /// The attempt as the engine holds it: drawn questions, option order, every response.
    public var attempt: Attempt
    /// The engine's grade when it was submitted.
    public var result: AttemptResult
    /// 0...1.
    public var score: Double
    public var passed: Bool
    public var startedAt: String
    public var submittedAt: String
    public var recordedAt: String
    public var recordedBy: String
    /// Converted by a migration from the shape an earlier release's learner wrote (the option
    /// order and the deadline of that attempt were not kept).
    public var legacy: Bool

    public var seed: UInt64 {
        get { UInt64(bitPattern: storedSeed) }
        set { storedSeed = Int64(bitPattern: newValue) }
    }

    enum CodingKeys: String, CodingKey {
        case id, number, questions, score, passed, legacy
        case traineeID = "trainee_id", quizID = "quiz_id", quizHash = "quiz_hash", storedSeed = "seed"
        case attempt = "responses", result = "results"
        case startedAt = "started_at", submittedAt = "submitted_at", recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    /// The one JSON codec of every JSON column: the assessment engine's.
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { AssessmentJSON.encoder() }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { AssessmentJSON.decoder() }

    /// A submitted attempt and its grade, ready to record (`recordedAt` and `recordedBy` are
    /// set by the store).
    public init(id: String = RecordID.make("qa"), traineeID: String, quizHash: String, attempt: Attempt, result: AttemptResult) {
        self.id = id
        self.traineeID = traineeID
        quizID = attempt.quizID
        number = attempt.number
        self.quizHash = quizHash
        storedSeed = Int64(bitPattern: attempt.seed)
        questions = attempt.questions.map(\.questionID)
        self.attempt = attempt
        self.result = result
        score = min(1, max(0, result.total.doubleValue))
        passed = result.passed
        startedAt = Timestamp.string(attempt.startedAt)
        submittedAt = Timestamp.string(attempt.submittedAt ?? result.submittedAt ?? attempt.startedAt)
        recordedAt = ""
        recordedBy = ""
        legacy = false
    }

    /// Encodes a value as JSON text with sorted keys (audit details, observation ratings).
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

