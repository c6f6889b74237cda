import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Records a submitted attempt whole, with its audit row, in one transaction: after a crash
    /// the attempt is either there complete or not there at all.
    ///
    /// - Parameter priorAttempts: when given, the attempt is refused with `attempt-conflict`
    ///   unless the trainee has exactly this many attempts at the quiz when it commits (so two
    ///   processes cannot both record "attempt 3").
    @discardableResult
    public func recordAttempt(_ attempt: QuizAttempt, priorAttempts: Int? = nil) throws(LanternError) -> QuizAttempt {
        guard (0...1).contains(attempt.score), attempt.score.isFinite else {
            throw LanternError("invalid-score", "an attempt's score must be between 0 and 1")
        }
        let actor = self.actor
        return try write { db, now in
            var attempt = attempt
            attempt.traineeID = try RecordsStore.traineeID(db, attempt.traineeID)
            if let priorAttempts {
                let count = try Int.fetchOne(db, sql: "SELECT attempts FROM quiz_summary WHERE trainee_id = ? AND quiz_id = ?",
                                             arguments: [attempt.traineeID, attempt.quizID]) ?? 0
                if count != priorAttempts {
                    throw LanternError("attempt-conflict", "another attempt at quiz '\(attempt.quizID)' was recorded meanwhile")
                }
            }
            attempt.recordedAt = now
            attempt.recordedBy = actor
            let questions = String(decoding: try JSONEncoder().encode(attempt.questions), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO quiz_attempt (id, trainee_id, quiz_id, quiz_hash, seed, questions, responses, results,
                                          score, passed, started_at, submitted_at, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [attempt.id, attempt.traineeID, attempt.quizID, attempt.quizHash,
                                 Int64(bitPattern: attempt.seed), questions, attempt.responses, attempt.results,
                                 attempt.score, attempt.passed, attempt.startedAt, attempt.submittedAt, now, actor])
            try self.audit(db, now, "attempt.record", "trainee", attempt.traineeID,
                           ["attempt": attempt.id, "quiz": attempt.quizID, "passed": attempt.passed ? "yes" : "no"])
            return attempt
        }
    }

    /// Records many submitted attempts in one transaction (an import from another system, a
    /// benchmark load): all of them with their audit rows, or none.
    public func recordAttempts(_ attempts: [QuizAttempt]) throws(LanternError) {
        guard attempts.allSatisfy({ (0...1).contains($0.score) }) else {
            throw LanternError("invalid-score", "an attempt's score must be between 0 and 1")
        }
        let actor = self.actor
        try write { db, now in
            let encoder = JSONEncoder()
            let insert = try db.cachedStatement(sql: """
                INSERT INTO quiz_attempt (id, trainee_id, quiz_id, quiz_hash, seed, questions, responses, results,
                                          score, passed, started_at, submitted_at, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for attempt in attempts {
                let traineeID = try RecordsStore.traineeID(db, attempt.traineeID)
                let questions = String(decoding: try encoder.encode(attempt.questions), as: UTF8.self)
                try insert.execute(arguments: [attempt.id, traineeID, attempt.quizID, attempt.quizHash,
                                               Int64(bitPattern: attempt.seed), questions, attempt.responses, attempt.results,
                                               attempt.score, attempt.passed, attempt.startedAt, attempt.submittedAt, now, actor])
                try self.audit(db, now, "attempt.record", "trainee", traineeID,
                               ["attempt": attempt.id, "quiz": attempt.quizID, "passed": attempt.passed ? "yes" : "no"])
            }
        }
    }

    /// Saves one answer of an attempt in progress, durably (the call returns after the commit
    /// reached the disk), so the attempt can resume after a crash.
    public func saveAnswer(attemptID: String, trainee reference: String, quizID: String, questionID: String,
                           responseJSON: String) throws(LanternError) {
        try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, reference)
            try db.execute(sql: """
                INSERT INTO attempt_answer (attempt_id, trainee_id, quiz_id, question_id, response, answered_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [attemptID, traineeID, quizID, questionID, responseJSON, now])
            try self.audit(db, now, "answer.save", "trainee", traineeID, ["attempt": attemptID, "question": questionID])
        }
    }

    /// The latest saved response per question of an attempt in progress (question id → JSON).
    public func savedAnswers(attemptID: String) throws(LanternError) -> [String: String] {
        try read { db in
            var answers: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT question_id, response FROM attempt_answer WHERE attempt_id = ? ORDER BY id",
                                        arguments: [attemptID]) {
                answers[row["question_id"]] = row["response"]
            }
            return answers
        }
    }

    /// Every recorded attempt at a quiz, oldest first (for item statistics).
    public func attempts(quiz quizID: String) throws(LanternError) -> [QuizAttempt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quiz_attempt WHERE quiz_id = ? ORDER BY submitted_at, id", arguments: [quizID])
                .map(RecordsStore.attempt)
        }
    }

    /// Every recorded attempt of a trainee, oldest first.
    public func attempts(trainee reference: String) throws(LanternError) -> [QuizAttempt] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return try Row.fetchAll(db, sql: "SELECT * FROM quiz_attempt WHERE trainee_id = ? ORDER BY submitted_at, id", arguments: [id])
                .map(RecordsStore.attempt)
        }
    }

    static func attempt(_ row: Row) -> QuizAttempt {
        let questionsText: String = row["questions"]
        let questions = (try? JSONDecoder().decode([String].self, from: Data(questionsText.utf8))) ?? []
        let seed: Int64 = row["seed"]
        return QuizAttempt(id: row["id"], traineeID: row["trainee_id"], quizID: row["quiz_id"], quizHash: row["quiz_hash"],
                           seed: UInt64(bitPattern: seed), questions: questions, responses: row["responses"],
                           results: row["results"], score: row["score"], passed: row["passed"],
                           startedAt: row["started_at"], submittedAt: row["submitted_at"],
                           recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
    }
}
