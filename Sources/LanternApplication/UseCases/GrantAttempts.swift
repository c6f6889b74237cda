import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

/// A trainer allows a trainee more attempts at a quiz than its `attempts:` limit: recorded with
/// the reason and who granted it, audited. It does not shorten the quiz's `wait:`.
public struct GrantAttempts: Sendable {
    public let course: Course
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.course = course
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    @discardableResult
    public func grant(trainee: String, quizID: String, attempts: Int, reason: String) throws(LanternError) -> QuizGrant {
        let (quiz, _) = try course.quiz(quizID)
        let grant = try records.grantAttempts(trainee: trainee, quiz: quiz.id, attempts: attempts, reason: reason)
        let standing = try records.standing(trainee: grant.traineeID, quiz: quiz)
        var line = "granted \(grant.id): \(grant.traineeID) may take \(attempts) more attempt\(attempts == 1 ? "" : "s") at quiz \(quiz.id)"
        if let left = standing.attemptsLeft, let allowed = standing.attemptsAllowed {
            line += " (\(standing.attemptsUsed) of \(allowed) used, \(left) left)"
        } else {
            line += " (the quiz allows unlimited attempts; the grant is kept for the record)"
        }
        output.write(line + "\n")
        return grant
    }
}
