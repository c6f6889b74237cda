import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

/// An attempt started and not yet submitted, as saved: enough to rebuild it exactly (the seed
/// gives the same questions in the same order) and to resume at the same question.
public struct OpenAttempt: Sendable, Hashable {
    public var id: String
    public var traineeID: String
    public var quizID: String
    public var number: Int
    public var seed: UInt64
    public var startedAt: Date
    /// The latest saved answer per question.
    public var responses: [String: Response]
}

extension RecordsStore {
    /// The start of an attempt is saved as a first answer row with the question id `@start`
    /// (not a valid question id) holding the attempt number, seed and start time.
    static let startMarker = "@start"

    private struct Start: Codable {
        var number: Int
        var seed: String
        var startedAt: String
    }

    /// Saves the start of an attempt (number, seed, start time) and returns its id.
    public func startAttempt(trainee reference: String, quiz quizID: String, number: Int, seed: UInt64,
                             startedAt: Date) throws(LanternError) -> String {
        let id = RecordID.make("qa")
        let start = Start(number: number, seed: String(seed), startedAt: Timestamp.string(startedAt))
        let json: String
        do { json = try QuizAttempt.json(start) } catch { throw LanternError("cannot-encode", "an attempt's start could not be written as JSON") }
        try saveAnswer(attemptID: id, trainee: reference, quizID: quizID, questionID: Self.startMarker, responseJSON: json)
        return id
    }

    /// The trainee's latest attempt at `quizID` that was started and not submitted, if any.
    public func openAttempt(trainee reference: String, quiz quizID: String) throws(LanternError) -> OpenAttempt? {
        let rows = try openAttemptAnswers(trainee: reference, quiz: quizID)
        let decoder = JSONDecoder()
        guard let startRow = rows.last(where: { $0.questionID == Self.startMarker }),
              let start = try? decoder.decode(Start.self, from: Data(startRow.response.utf8)),
              let seed = UInt64(start.seed), let startedAt = Timestamp.date(start.startedAt) else { return nil }
        var responses: [String: Response] = [:]
        for row in rows where row.attemptID == startRow.attemptID && row.questionID != Self.startMarker {
            if let response = try? decoder.decode(Response.self, from: Data(row.response.utf8)) {
                responses[row.questionID] = response
            }
        }
        return OpenAttempt(id: startRow.attemptID, traineeID: startRow.traineeID, quizID: quizID, number: start.number,
                           seed: seed, startedAt: startedAt, responses: responses)
    }

    /// The quizzes at which the trainee has an attempt started and not submitted.
    public func openAttemptQuizIDs(trainee reference: String) throws(LanternError) -> Set<String> {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT quiz_id FROM attempt_answer a
                WHERE a.trainee_id = ? AND NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.id = a.attempt_id)
                """, arguments: [id]))
        }
    }

    /// One answer saved while an attempt was in progress.
    struct SavedAnswer: Sendable, Hashable {
        var attemptID: String
        var traineeID: String
        var questionID: String
        /// The response as JSON text.
        var response: String
    }

    /// Answers saved for attempts at `quizID` by a trainee that have not been recorded as
    /// submitted, oldest first.
    func openAttemptAnswers(trainee reference: String, quiz quizID: String) throws(LanternError) -> [SavedAnswer] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return try Row.fetchAll(db, sql: """
                SELECT attempt_id, question_id, response FROM attempt_answer a
                WHERE a.trainee_id = ? AND a.quiz_id = ?
                  AND NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.id = a.attempt_id)
                ORDER BY a.id
                """, arguments: [id, quizID]).map { SavedAnswer(attemptID: $0[0], traineeID: id, questionID: $0[1], response: $0[2]) }
        }
    }
}
