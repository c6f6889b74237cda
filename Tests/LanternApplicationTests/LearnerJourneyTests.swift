import Foundation
import LanternAssessment
import LanternCurriculum
import LanternRecords
import LanternApplication
import LanternRecords
import LanternTerminal
import LanternTestSupport
import Testing

/// A trainee's journey through the scripted terminal, with the real records database:
/// read a module, answer part of its quiz, Ctrl-C, come back, resume at the same question,
/// finish, and find everything in the records.
@Suite struct LearnerJourneyTests {
    let course = ShippedCourse.course
    var workspace: Workspace { course.workspace! }

    /// Something valid to type for each question of an attempt.
    static func inputs(for attempt: Attempt, quiz: Quiz) -> [String] {
        attempt.questions.map { presented in
            let question = quiz.question(presented.questionID)!
            switch question.type {
            case .matching: return Array(repeating: "a", count: question.pairs.count).joined(separator: " ")
            case .ordering: return (1...question.items.count).map(String.init).joined(separator: " ")
            case .short, .essay: return "a reflection"
            case .numeric: return "6"
            default: return "1"
            }
        }
    }

    @Test func readAnswerPartQuitResumeFinish() throws {
        let folder = try TemporaryFolder()
        let records = try RecordsStore(path: folder.url.appendingPathComponent("records.sqlite").path, actor: "test")
        let trainee = try records.addTrainee(NewTrainee(name: "Test Trainee"))
        let store = LearnerRecords(course: course, records: records, traineeID: trainee.id, actor: .localOperator("test"),
                                   output: CapturedOutput())
        let module = workspace.modules[0]
        let quiz = try #require(course.takeableQuizzes.first { $0.moduleID == module.id })
        let expected = try quiz.startAttempt(seed: 42, at: Date())
        let answers = Self.inputs(for: expected, quiz: quiz)

        // First sitting: read module 1 to the end, answer three questions, Ctrl-C.
        let first = ScriptedTerminal()
        // t shows the quiz's introduction; Enter starts the attempt.
        first.press(.enter, .end, .character("q"), .character("t"), .enter)
        for answer in answers.prefix(3) { first.type(answer); first.press(.enter) }
        first.press(.interrupt)
        var screens: [String] = []
        first.onRead = { screens.append($0.screen.text) }
        try FullScreenLearner(workspace: workspace, store: store, terminal: first, color: false, seed: { 42 }, quizzes: course.takeableQuizzes).run()
        #expect(first.restoreCount == 1 && first.screen.cursorVisible && !first.screen.alternateScreen)
        #expect(screens.contains { $0.contains("Question 1 of \(expected.questions.count)") })
        let open = try #require(try records.openAttempt(trainee: trainee.id, quiz: quiz.id))
        #expect(open.responses.count == 3)
        #expect(try records.attempts(trainee: trainee.id).isEmpty)

        // Second sitting: the open quiz opens by itself, at question 4; finish and submit.
        let second = ScriptedTerminal()
        var resumedScreen = ""
        second.onRead = { terminal in if resumedScreen.isEmpty, terminal.screen.text.contains("Welcome back") { resumedScreen = terminal.screen.text } }
        for answer in answers.dropFirst(3) { second.type(answer); second.press(.enter) }
        second.press(.enter) // submit from the review
        var resultScreen = ""
        second.onRead = { terminal in
            if terminal.screen.text.contains("Result:") { resultScreen = terminal.screen.text }
            if resumedScreen.isEmpty, terminal.screen.text.contains("Welcome back") { resumedScreen = terminal.screen.text }
        }
        second.press(.character("q"), .character("q"))
        try FullScreenLearner(workspace: workspace, store: store, terminal: second, color: false, seed: { 7 }, quizzes: course.takeableQuizzes).run()
        #expect(resumedScreen.contains("Question 4 of \(expected.questions.count)"))
        #expect(resultScreen.contains("Score:"))
        #expect(second.screen.lines.allSatisfy { $0.count <= 80 })

        // The records hold the module progress and one whole attempt with every answer.
        let attempts = try records.attempts(trainee: trainee.id)
        #expect(attempts.count == 1)
        #expect(attempts.first?.seed == 42)
        #expect(attempts.first?.questions == expected.questions.map(\.questionID))
        // In the one shape every front end stores: the whole attempt, as the engine encodes it.
        #expect(try #require(attempts.first).attempt.responses.count == expected.questions.count)
        let transcript = try records.transcript(trainee.id)
        #expect(transcript.modules.first { $0.moduleID == module.id }?.completedAt != nil)
        #expect(try records.openAttempt(trainee: trainee.id, quiz: quiz.id) == nil)
    }

    @Test func plainModeDrivesTheSameJourneyByLines() throws {
        let folder = try TemporaryFolder()
        let records = try RecordsStore(path: folder.url.appendingPathComponent("records.sqlite").path, actor: "test")
        let trainee = try records.addTrainee(NewTrainee(name: "Plain Trainee"))
        let store = LearnerRecords(course: course, records: records, traineeID: trainee.id, actor: .localOperator("test"),
                                   output: CapturedOutput())
        let io = ScriptedLineIO(lines: ["read 1", "quiz 1", "zz", "2", "quit", "quit"])
        // Seed 7 draws a choice question first, so "zz" is not an answer to it.
        try LineLearner(workspace: workspace, store: store, io: io, seed: { 7 }, quizzes: course.takeableQuizzes).run()
        #expect(io.transcript.contains("1. Foundations of Peer Support and Recovery: not started."))
        #expect(io.transcript.contains("End of module 1."))
        #expect(io.transcript.contains("Question 1 of"))
        #expect(io.transcript.contains("'zz' is not an answer") || io.transcript.contains("There is no answer z"))
        #expect(io.transcript.contains("Saved."))
        #expect(!io.transcript.contains("\u{1B}"))
        let again = ScriptedLineIO(lines: ["quiz 1"])
        try LineLearner(workspace: workspace, store: store, io: again, quizzes: course.takeableQuizzes).run()
        #expect(again.transcript.contains("You have a quiz in progress"))
        #expect(again.transcript.contains("Welcome back"))
        #expect(again.transcript.contains("Question 2 of"))
    }
}
