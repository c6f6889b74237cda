import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

extension RecordsStore {
    /// The number of attempts a trainee has recorded at a quiz.
    public func attemptCount(trainee reference: String, quiz quizID: String) throws(LanternError) -> (traineeID: String, count: Int) {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let count = try Int.fetchOne(db, sql: "SELECT attempts FROM quiz_summary WHERE trainee_id = ? AND quiz_id = ?",
                                         arguments: [id, quizID]) ?? 0
            return (id, count)
        }
    }

    /// Every recorded attempt at a quiz with the engine's values decoded, for item analysis.
    /// Attempts whose JSON no longer decodes are counted in `unreadable`.
    public func engineAttempts(quiz quizID: String) throws(LanternError) -> (attempts: [(attempt: Attempt, result: AttemptResult)], unreadable: Int) {
        let rows = try attempts(quiz: quizID)
        var decoded: [(attempt: Attempt, result: AttemptResult)] = []
        var unreadable = 0
        for row in rows {
            if let attempt = try? AssessmentJSON.decode(Attempt.self, from: row.responses),
               let result = try? AssessmentJSON.decode(AttemptResult.self, from: row.results) {
                decoded.append((attempt, result))
            } else {
                unreadable += 1
            }
        }
        return (decoded, unreadable)
    }
}
