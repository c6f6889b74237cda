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

    /// Every recorded attempt at `quiz` with the engine's values decoded and its effective
    /// result (marks and latest regrade applied), for item analysis. Attempts whose JSON no
    /// longer decodes are counted in `unreadable`.
    public func engineAttempts(quiz: Quiz) throws(LanternError) -> (attempts: [(attempt: Attempt, result: AttemptResult)], unreadable: Int) {
        let (records, unreadable) = try attempts(quiz: quiz.id)
        let decoded = try effectiveAttempts(quiz: quiz)
        return (decoded.map { ($0.attempt, $0.effective) }, unreadable + max(0, records.count - decoded.count))
    }
}
