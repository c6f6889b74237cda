import LanternAssessment
import LanternDiagnostics

/// A blank answers file for `lantern quiz take --answers` (`lantern quiz sheet QUIZ`): every
/// question with what it takes, ordering items and matching answers in alphabetical order so
/// that nothing in the sheet gives an answer away (see `AnswerSheet`).
public struct PrintAnswerSheet: Sendable {
    public let course: Course
    let output: any OutputSink

    public init(course: Course, output: any OutputSink) {
        self.course = course
        self.output = output
    }

    public func print(quizID: String) throws(LanternError) {
        let (quiz, _) = try course.quiz(quizID)
        output.write(AnswerSheet.text(for: quiz))
    }
}
