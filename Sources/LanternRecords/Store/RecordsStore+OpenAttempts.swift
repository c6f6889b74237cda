import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

/// An attempt started and not yet submitted, as saved: its drawn questions (so it resumes the
/// same whatever happened to the quiz's draw rules since) and the answers saved so far.
public struct OpenAttempt: Sendable, Hashable {
    public var id: String
    public var traineeID: String
    public var quizID: String
    public var number: Int
    public var seed: UInt64
    public var startedAt: Date
    /// SHA-256 of the quiz file the draw came from ("" for an attempt an earlier release started).
    public var quizHash: String
    /// The attempt as drawn (no answers); nil for one an earlier release started, whose draw
    /// was not kept: draw it again from the seed, then `keepDraw` it.
    public var drawn: Attempt?
    /// The latest saved answer per question.
    public var responses: [String: Response]
}

extension RecordsStore {
    /// Opens attempt `attempt.number` for a trainee, keeping its draw. Refused with
    /// `attempt-open` when one is open at the quiz already, and `attempt-conflict` unless the
    /// number is the trainee's next.
    public func startAttempt(_ attempt: Attempt, trainee reference: String, quizHash: String) throws(LanternError) -> String {
        let id = RecordID.make("qa")
        let drawn = try RecordsStore.json(attempt)
        try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, reference)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM open_attempt WHERE trainee_id = ? AND quiz_id = ?",
                                 arguments: [traineeID, attempt.quizID]) == true {
                throw LanternError(.attemptOpen, "trainee '\(traineeID)' already has an attempt open at quiz '\(attempt.quizID)'",
                                   hint: "resume it in 'lantern learn'")
            }
            try RecordsStore.requireNextNumber(db, attempt.number, trainee: traineeID, quiz: attempt.quizID)
            try db.execute(sql: """
                INSERT INTO open_attempt (id, trainee_id, quiz_id, number, seed, started_at, quiz_hash, attempt, opened_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, traineeID, attempt.quizID, attempt.number, Int64(bitPattern: attempt.seed),
                                 Timestamp.string(attempt.startedAt), quizHash, drawn, self.actor])
            try self.audit(db, now, "attempt.start", "trainee", traineeID,
                           ["attempt": id, "quiz": attempt.quizID, "number": String(attempt.number)])
        }
        return id
    }

    /// Keeps the draw of an open attempt an earlier release started (drawn again from its seed).
    public func keepDraw(_ attempt: Attempt, ofOpenAttempt id: String, quizHash: String) throws(LanternError) {
        let drawn = try RecordsStore.json(attempt)
        try write { db, _ in
            try db.execute(sql: "UPDATE open_attempt SET attempt = ?, quiz_hash = ? WHERE id = ? AND attempt IS NULL",
                           arguments: [drawn, quizHash, id])
        }
    }

    /// The quizzes at which the trainee has an attempt started and not submitted.
    public func openAttemptQuizIDs(trainee reference: String) throws(LanternError) -> Set<String> {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return Set(try String.fetchAll(db, sql: "SELECT quiz_id FROM open_attempt WHERE trainee_id = ?", arguments: [id]))
        }
    }

    /// The trainee's open attempt at `quizID`, with the answers saved so far, if any.
    public func openAttempt(trainee reference: String, quiz quizID: String) throws(LanternError) -> OpenAttempt? {
        try read { db in
            let traineeID = try RecordsStore.traineeID(db, reference)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM open_attempt WHERE trainee_id = ? AND quiz_id = ?",
                                             arguments: [traineeID, quizID]) else { return nil }
            let id: String = row["id"]
            let decoder = AssessmentJSON.decoder()
            var responses: [String: Response] = [:]
            for answer in try Row.fetchAll(db, sql: "SELECT question_id, response FROM attempt_answer WHERE attempt_id = ? AND question_id <> '@start' ORDER BY id",
                                           arguments: [id]) {
                let text: String = answer["response"]
                if let response = try? decoder.decode(Response.self, from: Data(text.utf8)) { responses[answer["question_id"]] = response }
            }
            let seed: Int64 = row["seed"]
            let started: String = row["started_at"]
            let drawnText: String? = row["attempt"]
            return OpenAttempt(id: id, traineeID: traineeID, quizID: quizID, number: row["number"], seed: UInt64(bitPattern: seed),
                               startedAt: Timestamp.date(started) ?? Date(timeIntervalSince1970: 0), quizHash: row["quiz_hash"],
                               drawn: drawnText.flatMap { try? AssessmentJSON.decode(Attempt.self, from: $0) }, responses: responses)
        }
    }

    static func json<T: Encodable>(_ value: T) throws(LanternError) -> String {
        do {
            return try AssessmentJSON.encode(value)
        } catch {
            throw LanternError(.cannotEncode, "a record could not be written as JSON")
        }
    }
}
