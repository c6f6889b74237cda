import Foundation
import LanternApplication
import LanternAssessment
import LanternCurriculum
import LanternRecords
import LanternTerminal
import LanternTestSupport
import Testing

/// The learner's daily journeys that need the records (issue 18), through the scripted
/// terminal: Ctrl-D never ends a quiz, the introduction shows full-screen, crisis lines are one
/// key away from every screen, a broken quiz says so.
@Suite struct LearnerDailyRecordsTests {
    let course = ShippedCourse.course
    var workspace: Workspace { course.workspace! }

    func learnerRecords() throws -> (LearnerRecords, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let records = try RecordsStore(path: folder.url.appendingPathComponent("records.sqlite").path, actor: "test")
        let trainee = try records.addTrainee(NewTrainee(name: "Daily Trainee"))
        return (LearnerRecords(course: course, records: records, traineeID: trainee.id, actor: .localOperator("test"),
                               output: CapturedOutput()), folder)
    }

    @Test func ctrlDNeverQuitsMidQuizAndTheIntroductionShowsFullScreen() throws {
        let (store, _folder) = try learnerRecords()
        _ = _folder
        let terminal = ScriptedTerminal()
        var screens: [String] = []
        terminal.onRead = { screens.append($0.screen.text) }
        terminal.press(.character("t"), .enter, .control("d"), .control("d"), .interrupt)
        try FullScreenLearner(workspace: workspace, store: store, terminal: terminal, color: false, seed: { 42 }, quizzes: course.takeableQuizzes).run()
        let intro = try #require(screens.first { $0.contains("Press Enter to start") })
        #expect(intro.contains("the pass mark is"))
        #expect(intro.contains("Safety-critical"))
        // After two Ctrl-D the quiz is still on screen.
        #expect(screens.suffix(2).allSatisfy { $0.contains("Question 1 of") })
        #expect(try store.progress().openQuizzes.count == 1)
    }

    @Test(arguments: ["map", "reader", "quiz"])
    func crisisLinesAreOneKeyAwayFromEveryScreen(from place: String) throws {
        let (store, _folder) = try learnerRecords()
        _ = _folder
        let terminal = ScriptedTerminal()
        switch place {
        case "reader": terminal.press(.enter)
        case "quiz": terminal.press(.character("t"), .enter)
        default: break
        }
        var screens: [String] = []
        terminal.onRead = { screens.append($0.screen.text) }
        terminal.press(.character("!"), .character("q"), .interrupt)
        try FullScreenLearner(workspace: workspace, store: store, terminal: terminal, color: false, seed: { 42 }, quizzes: course.takeableQuizzes).run()
        #expect(screens.contains { $0.contains("Crisis lines") && $0.contains("988") })
        #expect(screens.first?.contains("! crisis") == true, "the footer shows the key: \(screens.first ?? "")")
    }

    @Test func aBrokenQuizSaysSo() throws {
        let quiz = SampleWorkspace.files["assessments/intro-quiz.md"]!
        // A question with no right answer: a quiz error.
        let sample = try SampleCourse(changing: ["assessments/intro-quiz.md": quiz.replacingOccurrences(of: "[x]", with: "[ ]")])
        let workspace = try #require(sample.course.workspace)
        #expect(sample.course.takeableQuizzes.allSatisfy { $0.id != "intro-quiz" })
        let store = LearnerRecords(course: sample.course, records: sample.records, traineeID: sample.traineeID,
                                   actor: .localOperator("test"), output: CapturedOutput())
        let io = ScriptedLineIO(lines: ["quiz 1"])
        try LineLearner(workspace: workspace, store: store, io: io, quizzes: sample.course.takeableQuizzes).run()
        #expect(io.transcript.contains("has a mistake in it and cannot be taken"))
        #expect(!io.transcript.contains("no quiz you can take"))
    }
}
