import Foundation
import LanternApplication
import LanternAssessment
import LanternRecords
import LanternTestSupport
import Testing

/// A trainer finds what waits for a mark (issue 17: essays stayed "to be marked" for ever; the
/// attempt ids `quiz mark` needs were shown nowhere).
@Suite("quiz to-mark")
struct AnswersToMarkTests {
    @Test("an essay waiting is listed with its answer and the command that marks it; once marked, nothing waits and the attempt passes")
    func listThenMark() throws {
        let quizText = SampleWorkspace.files["assessments/intro-quiz.md"]! + """

            ## Describe one limit of the peer role. {#limit type=essay}

            ---
            > Look for a limit named in the module, such as not diagnosing.

            """
        let sample = try SampleCourse(changing: ["assessments/intro-quiz.md": quizText])
        let (quiz, _) = try sample.course.quiz("intro-quiz")
        let taken = try sample.takeQuiz().takeWhole(quiz, trainee: sample.traineeID,
                                                    answers: ["goals": .choices([0]), "limit": .text("I do not diagnose.")], seed: 1)
        #expect(!taken.result.passed, "not passed while the essay waits")
        let output = CapturedOutput()
        let waiting = try ListAnswersToMark(course: sample.course, records: sample.records, output: output).list()
        #expect(waiting.map(\.questionID) == ["limit"])
        #expect(output.text.contains("  Answer: I do not diagnose.\n"), "\(output.text)")
        #expect(output.text.contains("  Note for the marker: Look for a limit named in the module, such as not diagnosing."))
        #expect(output.text.contains("lantern quiz mark \(taken.record.id) limit --score S"))

        try MarkQuestion(course: sample.course, records: sample.records, actor: .localOperator("trainer"), output: CapturedOutput())
            .mark(attemptID: taken.record.id, questionID: "limit", score: "1", feedback: "Clear.", quizID: nil)
        let after = CapturedOutput()
        #expect(try ListAnswersToMark(course: sample.course, records: sample.records, output: after).list().isEmpty)
        #expect(after.text == "Nothing is waiting to be marked.\n")
        #expect(try sample.records.standing(trainee: sample.traineeID, quiz: quiz).passed)
    }
}
