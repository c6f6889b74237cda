import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// One answer saved while an attempt was in progress.
    public struct SavedAnswer: Sendable, Hashable {
        public var attemptID: String
        public var questionID: String
        /// The response as JSON text.
        public var response: String
    }

    /// Answers saved for attempts at `quizID` by a trainee that have not been recorded as
    /// submitted, oldest first (the learner rebuilds and resumes the attempt from them).
    public func openAttemptAnswers(trainee reference: String, quiz quizID: String) throws(LanternError) -> [SavedAnswer] {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            return try Row.fetchAll(db, sql: """
                SELECT attempt_id, question_id, response FROM attempt_answer a
                WHERE a.trainee_id = ? AND a.quiz_id = ?
                  AND NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.id = a.attempt_id)
                ORDER BY a.id
                """, arguments: [id, quizID]).map { SavedAnswer(attemptID: $0[0], questionID: $0[1], response: $0[2]) }
        }
    }
}
