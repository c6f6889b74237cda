import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

extension RecordsStore {
    /// The number of attempts a trainee has recorded at a quiz.
    public func attemptCount(trainee reference: String, quiz quizID: String) throws(LanternError) -> (traineeID: String, count: Int) {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let count = try Int.fetchOne(db, sql: "SELECT max(number) FROM quiz_attempt WHERE trainee_id = ? AND quiz_id = ?",
                                         arguments: [id, quizID]) ?? 0
            return (id, count)
        }
    }

    /// Every recorded attempt at a quiz with the engine's values, for item analysis. Rows that
    /// no longer decode are counted in `unreadable`.
    public func engineAttempts(quiz quizID: String) throws(LanternError) -> (attempts: [(attempt: Attempt, result: AttemptResult)], unreadable: Int) {
        let (records, unreadable) = try attempts(quiz: quizID)
        return (records.map { ($0.attempt, $0.result) }, unreadable)
    }
}
