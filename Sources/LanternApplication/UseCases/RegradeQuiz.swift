import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

/// After a quiz changed: every recorded attempt regraded against the quiz as it is now, showing
/// per attempt the old and new grade and what changed in the quiz; unless a dry run, a regrade
/// is recorded beside each changed attempt (audited), never touching the attempt.
public struct RegradeQuiz: Sendable {
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
    public func regrade(quizID: String, dryRun: Bool, json: Bool = false) throws(LanternError) -> [RegradeLine] {
        let (quiz, hash) = try course.quiz(quizID)
        let lines = try records.regrade(quiz: quiz, quizHash: hash, dryRun: dryRun)
        if json {
            output.write(JSONOutput.text(lines))
            return lines
        }
        let changed = lines.filter(\.isChanged)
        var text = "\(dryRun ? "Dry run: regrading" : "Regraded") \(lines.count) attempt\(lines.count == 1 ? "" : "s") at \(quiz.id): "
        text += "\(changed.count) changed\(dryRun ? " (nothing recorded)" : changed.isEmpty ? "" : ", regrades recorded")\n"
        for line in lines {
            let verdict = { (result: AttemptResult) in "\(result.total.percentText) \(result.passed ? "passed" : "not passed")" }
            text += "\n\(line.attemptID) \(line.traineeID) attempt \(line.attemptNumber): \(verdict(line.before)) -> \(verdict(line.after))"
            text += line.isChanged ? "\n" : " (unchanged)\n"
            for change in line.changes {
                let what = change.kind == .questionRemoved ? "removed from the quiz; its old score is kept" : "changed since it was graded"
                text += "  \(change.questionID): \(what): \(change.oldScore.percentText) -> \(change.newScore.percentText)\n"
            }
        }
        output.write(text)
        return lines
    }
}
