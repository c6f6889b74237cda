import LanternAssessment
import LanternDiagnostics
import LanternRecords

/// What is waiting for a person to mark (`lantern quiz to-mark`): each essay or short answer of
/// a recorded attempt whose effective result still needs a mark, with the question, the
/// trainee's answer, the author's note for the marker and the command that marks it. Until it
/// is marked, the attempt is not passed.
public struct ListAnswersToMark: Sendable {
    public let course: Course
    let records: RecordsStore
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, output: any OutputSink) {
        self.course = course
        self.records = records
        self.output = output
    }

    /// One answer waiting for a mark.
    public struct Waiting: Sendable, Hashable {
        public var attemptID: String
        public var traineeID: String
        public var quizID: String
        public var attemptNumber: Int
        public var questionID: String
    }

    /// Lists (and writes) every answer waiting, at `quizID` (nil: every quiz), of `trainee` (nil: everyone).
    @discardableResult
    public func list(quizID: String? = nil, trainee: String? = nil) throws(LanternError) -> [Waiting] {
        let quizzes: [Quiz]
        if let quizID { quizzes = [try course.quiz(quizID).quiz] } else { quizzes = course.takeableQuizzes }
        var waiting: [Waiting] = []
        var text = ""
        for quiz in quizzes {
            for attempt in try records.effectiveAttempts(quiz: quiz, trainee: trainee) {
                for questionID in attempt.effective.needsMarking {
                    waiting.append(Waiting(attemptID: attempt.record.id, traineeID: attempt.record.traineeID, quizID: quiz.id,
                                           attemptNumber: attempt.record.number, questionID: questionID))
                    let question = quiz.question(questionID)
                    text += "\(attempt.record.id)  trainee \(attempt.record.traineeID)  quiz \(quiz.id), attempt \(attempt.record.number), question \(questionID)\n"
                    if let prompt = question?.prompt { text += "  Question: \(prompt)\n" }
                    if case .text(let answer)? = attempt.attempt.responses[questionID] {
                        text += "  Answer: " + answer.replacingOccurrences(of: "\n", with: "\n          ") + "\n"
                    }
                    if let note = question?.generalFeedback, !note.isEmpty { text += "  Note for the marker: \(note)\n" }
                    text += "  Mark it: lantern quiz mark \(attempt.record.id) \(questionID) --score S --feedback \"…\"\n\n"
                }
            }
        }
        output.write(waiting.isEmpty ? "Nothing is waiting to be marked.\n"
                     : text + "\(waiting.count == 1 ? "1 answer is" : "\(waiting.count) answers are") waiting to be marked; until then, those attempts are not passed.\n")
        return waiting
    }
}
