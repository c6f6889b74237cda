import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

/// A trainer marks an essay (or a short answer judged by hand) of a recorded attempt: the mark
/// is recorded beside the attempt with who gave it, audited, and the attempt's effective result
/// is worked out again. The attempt itself is never changed.
public struct MarkQuestion: Sendable {
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

    /// `score` as a person writes it: `75%`, `3/4`, `0.75`, `1`, `0`. `quizID` (optional) is
    /// checked against the attempt's quiz.
    @discardableResult
    public func mark(attemptID: String, questionID: String, score written: String, feedback: String?,
                     quizID: String? = nil) throws(LanternError) -> EffectiveAttempt {
        guard let score = Fraction.score(written) else {
            throw LanternError(.invalidScore, "'\(written)' is not a score", hint: "write 75%, 3/4, 0.75, 1 or 0")
        }
        let attemptQuiz = try records.attemptQuizID(attemptID)
        if let quizID, quizID != attemptQuiz {
            throw LanternError(.wrongQuiz, "attempt '\(attemptID)' is at quiz '\(attemptQuiz)', not '\(quizID)'")
        }
        let (quiz, _) = try course.quiz(attemptQuiz)
        let marked = try records.markQuestion(attempt: attemptID, question: questionID, score: score, feedback: feedback, quiz: quiz)
        let result = marked.effective
        var text = "marked \(questionID) of attempt \(attemptID) (\(marked.record.traineeID), quiz \(quiz.id)): \(score.percentText) by \(actor.auditName)\n"
        text += "attempt now scores \(result.total.percentText) (pass mark \(result.passMark.percentText)): \(result.passed ? "passed" : "not passed")"
        if !result.needsMarking.isEmpty { text += "; still to mark: \(result.needsMarking.joined(separator: ", "))" }
        output.write(text + "\n")
        return marked
    }
}
