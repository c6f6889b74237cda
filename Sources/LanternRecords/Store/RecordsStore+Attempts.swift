import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

extension RecordsStore {
    /// Records a submitted attempt whole, with its audit row, in one transaction: after a crash
    /// the attempt is either there complete or not there at all.
    ///
    /// The attempt is recorded only as the trainee's next attempt at the quiz (`number` one more
    /// than those recorded): otherwise it is refused with `attempt-conflict`, whichever process
    /// or path recorded the other one. With `closing`, that open attempt is closed in the same
    /// transaction (refused with `attempt-not-open` when it is not open any more).
    @discardableResult
    public func recordAttempt(_ attempt: QuizAttempt, closing openAttemptID: String? = nil) throws(LanternError) -> QuizAttempt {
        guard (0...1).contains(attempt.score), attempt.score.isFinite else {
            throw LanternError(.invalidScore, "an attempt's score must be between 0 and 1")
        }
        let actor = self.actor
        return try write { db, now in
            var attempt = attempt
            attempt.traineeID = try RecordsStore.traineeID(db, attempt.traineeID)
            if let openAttemptID {
                try db.execute(sql: "DELETE FROM open_attempt WHERE id = ? AND trainee_id = ?", arguments: [openAttemptID, attempt.traineeID])
                guard db.changesCount == 1 else {
                    throw LanternError(.attemptNotOpen, "attempt \(attempt.number) at quiz '\(attempt.quizID)' is not open any more (it was submitted elsewhere)",
                                       hint: "see the trainee's attempts with 'lantern progress'")
                }
            }
            try RecordsStore.requireNextNumber(db, attempt.number, trainee: attempt.traineeID, quiz: attempt.quizID)
            attempt.recordedAt = now
            attempt.recordedBy = actor
            try attempt.insert(db)
            try self.audit(db, now, "attempt.record", "trainee", attempt.traineeID,
                           ["attempt": attempt.id, "quiz": attempt.quizID, "number": String(attempt.number), "passed": attempt.passed ? "yes" : "no"])
            return attempt
        }
    }

    /// Records many submitted attempts in one transaction (an import from another system, a
    /// benchmark load): all of them with their audit rows, or none. Each is recorded as the
    /// trainee's next attempt at its quiz, in the order given (its `number` is set so).
    public func recordAttempts(_ attempts: [QuizAttempt]) throws(LanternError) {
        guard attempts.allSatisfy({ (0...1).contains($0.score) }) else {
            throw LanternError(.invalidScore, "an attempt's score must be between 0 and 1")
        }
        let actor = self.actor
        try write { db, now in
            var next: [String: Int] = [:]
            for var attempt in attempts {
                attempt.traineeID = try RecordsStore.traineeID(db, attempt.traineeID)
                let key = attempt.traineeID + "\u{0}" + attempt.quizID
                let number = try next[key] ?? (RecordsStore.recordedCount(db, trainee: attempt.traineeID, quiz: attempt.quizID) + 1)
                next[key] = number + 1
                attempt.number = number
                attempt.recordedAt = now
                attempt.recordedBy = actor
                try attempt.insert(db)
                try self.audit(db, now, "attempt.record", "trainee", attempt.traineeID,
                               ["attempt": attempt.id, "quiz": attempt.quizID, "number": String(number), "passed": attempt.passed ? "yes" : "no"])
            }
        }
    }

    /// How many attempts a trainee has recorded at a quiz (their highest attempt number).
    static func recordedCount(_ db: Database, trainee: String, quiz: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(number) FROM quiz_attempt WHERE trainee_id = ? AND quiz_id = ?",
                         arguments: [trainee, quiz]) ?? 0
    }

    /// Throws `attempt-conflict` unless `number` is the trainee's next attempt number at the quiz.
    static func requireNextNumber(_ db: Database, _ number: Int, trainee: String, quiz: String) throws {
        let recorded = try recordedCount(db, trainee: trainee, quiz: quiz)
        guard number == recorded + 1 else {
            throw LanternError(.attemptConflict, number <= recorded
                               ? "attempt \(number) at quiz '\(quiz)' was already recorded for trainee '\(trainee)' (by another session or program)"
                               : "attempt \(number) at quiz '\(quiz)' cannot be recorded: trainee '\(trainee)' has \(recorded) recorded",
                               hint: "run the quiz again: the next attempt will be \(recorded + 1)")
        }
    }

    /// Saves one answer of an open attempt, durably (the call returns after the commit reached
    /// the disk), so the attempt can resume after a crash. Refused with `attempt-not-open`
    /// unless the attempt is open.
    public func saveAnswer(attemptID: String, trainee reference: String, quizID: String, questionID: String,
                           responseJSON: String) throws(LanternError) {
        try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, reference)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM open_attempt WHERE id = ? AND trainee_id = ? AND quiz_id = ?",
                                    arguments: [attemptID, traineeID, quizID]) == true else {
                throw LanternError(.attemptNotOpen, "attempt '\(attemptID)' at quiz '\(quizID)' is not open (submitted, or never started)",
                                   hint: "take the quiz again to start a new attempt")
            }
            try db.execute(sql: """
                INSERT INTO attempt_answer (attempt_id, trainee_id, quiz_id, question_id, response, answered_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [attemptID, traineeID, quizID, questionID, responseJSON, now])
            try self.audit(db, now, "answer.save", "trainee", traineeID, ["attempt": attemptID, "question": questionID])
        }
    }

    /// The latest saved response per question of an attempt (question id → JSON).
    public func savedAnswers(attemptID: String) throws(LanternError) -> [String: String] {
        try read { db in
            var answers: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT question_id, response FROM attempt_answer WHERE attempt_id = ? AND question_id <> '@start' ORDER BY id",
                                        arguments: [attemptID]) {
                answers[row["question_id"]] = row["response"]
            }
            return answers
        }
    }

    /// Every recorded attempt at a quiz, oldest first, and how many rows could not be read.
    public func attempts(quiz quizID: String) throws(LanternError) -> (attempts: [QuizAttempt], unreadable: Int) {
        try read { db in
            RecordsStore.decode(try Row.fetchAll(db, sql: "SELECT * FROM quiz_attempt WHERE quiz_id = ? ORDER BY submitted_at, id",
                                                 arguments: [quizID]))
        }
    }

    /// Every recorded attempt of a trainee, oldest first (rows that cannot be read are left out).
    public func attempts(trainee reference: String) throws(LanternError) -> [QuizAttempt] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return RecordsStore.decode(try Row.fetchAll(db, sql: "SELECT * FROM quiz_attempt WHERE trainee_id = ? ORDER BY submitted_at, id",
                                                        arguments: [id])).attempts
        }
    }

    static func decode(_ rows: [Row]) -> (attempts: [QuizAttempt], unreadable: Int) {
        var attempts: [QuizAttempt] = []
        var unreadable = 0
        for row in rows {
            if let attempt = try? QuizAttempt(row: row) { attempts.append(attempt) } else { unreadable += 1 }
        }
        return (attempts, unreadable)
    }
}
