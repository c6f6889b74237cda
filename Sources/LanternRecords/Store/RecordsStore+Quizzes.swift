import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

/// A quiz taken and recorded: the stored attempt, the engine's result, and answered questions
/// the draw left out of this attempt (ignored).
public struct TakenQuiz: Sendable {
    public var record: QuizAttempt
    public var attempt: Attempt
    public var result: AttemptResult
    public var ignoredQuestions: [String]
}

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

    /// Takes a quiz non-interactively through the assessment engine and records the attempt:
    /// the next attempt number (refused when none are left, counting attempts a trainer granted,
    /// or while the quiz's `wait:` since the last attempt has not passed), a draw from `seed` (random when
    /// nil), the answers given for drawn questions, the grade. All or nothing, in one
    /// transaction; a concurrent attempt by the same trainee makes this one re-number and retry.
    public func takeQuiz(_ quiz: Quiz, quizHash: String, trainee reference: String, answers: [String: Response],
                         seed: UInt64? = nil) throws(LanternError) -> TakenQuiz {
        var generator = SystemRandomNumberGenerator()
        let seed = seed ?? generator.next()
        for _ in 0..<20 {
            let (traineeID, prior) = try attemptCount(trainee: reference, quiz: quiz.id)
            let started = clock()
            let standing = try self.standing(trainee: traineeID, quiz: quiz)
            if let refusal = standing.refusal(at: started) { throw refusal.error(quizID: quiz.id) }
            var attempt = try quiz.startAttempt(seed: seed, at: started, number: prior + 1, granted: standing.attemptsGranted)
            let drawn = Set(attempt.questions.map(\.questionID))
            let ignored = answers.keys.filter { !drawn.contains($0) }.sorted()
            attempt = try attempt.answering(answers.filter { drawn.contains($0.key) }, at: started)
            let submitted = clock()
            let result = quiz.submit(attempt, at: submitted)
            attempt.submittedAt = submitted
            let record: QuizAttempt
            do {
                record = QuizAttempt(traineeID: traineeID, quizID: quiz.id, quizHash: quizHash, seed: seed,
                                     questions: attempt.questions.map(\.questionID),
                                     responses: try AssessmentJSON.encode(attempt), results: try AssessmentJSON.encode(result),
                                     score: min(1, max(0, result.total.doubleValue)), passed: result.passed,
                                     startedAt: Timestamp.string(started), submittedAt: Timestamp.string(submitted))
            } catch {
                throw LanternError("attempt-encoding", "the attempt cannot be stored as JSON")
            }
            do {
                let stored = try recordAttempt(record, priorAttempts: prior)
                return TakenQuiz(record: stored, attempt: attempt, result: result, ignoredQuestions: ignored)
            } catch where error.code == "attempt-conflict" {
                continue
            }
        }
        throw LanternError("attempt-conflict", "could not record the attempt: other attempts at quiz '\(quiz.id)' kept arriving",
                           hint: "try again")
    }

    /// Every recorded attempt at `quiz` with the engine's values decoded and its effective
    /// result (marks and latest regrade applied), for item analysis. Attempts whose JSON no
    /// longer decodes are counted in `unreadable`.
    public func engineAttempts(quiz: Quiz) throws(LanternError) -> (attempts: [(attempt: Attempt, result: AttemptResult)], unreadable: Int) {
        let total = try attempts(quiz: quiz.id).count
        let decoded = try effectiveAttempts(quiz: quiz)
        return (decoded.map { ($0.attempt, $0.effective) }, total - decoded.count)
    }
}
