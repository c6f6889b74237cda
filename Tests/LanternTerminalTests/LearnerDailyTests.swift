import Foundation
import LanternAssessment
import LanternCurriculum
import LanternTestSupport
import Testing
@testable import LanternTerminal

/// The learner as a trainee meets it every day (issue 18), driven through the scripted
/// terminal: less-style keys, safety-critical marks, search highlights, several quizzes,
/// modules past 9, previews and modules with mistakes in them. (With the records: see
/// LanternApplicationTests/LearnerDailyRecordsTests.)
@Suite struct LearnerDailyTests {
    let workspace = ShippedWorkspace.workspace

    @Test func controlKeysDecodeAndScrollLikeLess() throws {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x04, 0x15, 0x06, 0x02]) == [.control("d"), .control("u"), .control("f"), .control("b")])
        let module = try #require(workspace.module("crisis"))
        var pager = Pager(document: ModuleDocument.make(module, in: workspace), size: TerminalSize(columns: 80, rows: 24), color: false)
        let page = pager.pageHeight
        #expect(pager.handle(.control("d")) == .stay)
        #expect(pager.top == page / 2)
        _ = pager.handle(.control("u"))
        #expect(pager.top == 0)
        _ = pager.handle(.control("f"))
        #expect(pager.top == page - 1)
        _ = pager.handle(.control("b"))
        #expect(pager.top == 0)
    }

    @Test func safetyCriticalQuestionsAreMarked() throws {
        let quiz = try #require(QuizCatalog(workspace: workspace).quizzes.first { $0.questions.contains(where: \.isCritical) })
        let attempt = try quiz.startAttempt(seed: 3, at: Date())
        let index = try #require(attempt.questions.firstIndex { quiz.question($0.questionID)?.isCritical == true })
        var screen = QuizScreen(session: QuizSession(quiz: quiz, module: workspace.module(quiz.moduleID), attemptID: "a", attempt: attempt),
                                size: TerminalSize(columns: 80, rows: 30), color: false)
        screen.move(to: index)
        #expect(screen.frame(at: Date()).rows.contains { $0.contains("Safety-critical: this question must be right to pass.") })
        if let other = attempt.questions.firstIndex(where: { quiz.question($0.questionID)?.isCritical == false }) {
            screen.move(to: other)
            #expect(!screen.frame(at: Date()).rows.contains { $0.contains("Safety-critical") })
        }
    }

    @Test func searchMatchesAreHighlighted() throws {
        let module = try #require(workspace.module("crisis"))
        var pager = Pager(document: ModuleDocument.make(module, in: workspace), size: TerminalSize(columns: 80, rows: 24), color: false)
        _ = pager.handle(.character("/"))
        for character in "988" { _ = pager.handle(.character(character)) }
        _ = pager.handle(.enter)
        #expect(pager.frame().rows.contains { $0.contains(ANSI.inverse + "988" + ANSI.resetStyle) })
    }

    @Test func modulesPastNineAreReachedByNumber() throws {
        #expect(workspace.modules.count >= 10)
        var screen = CourseMapScreen(map: CourseMap(workspace: workspace, progress: LearnerProgress()),
                                     size: TerminalSize(columns: 80, rows: 30), color: false)
        _ = screen.handle(.character("1"))
        #expect(screen.selected == 0)
        _ = screen.handle(.character("0"))
        #expect(screen.selected == 9)
        _ = screen.handle(.character("3"))
        #expect(screen.selected == 2, "a number past the last module starts again")
    }

    @Test func aLockedModuleIsPreviewedAndNothingIsRecorded() throws {
        let store = MemoryLearnerStore()
        let map = CourseMap(workspace: workspace, progress: LearnerProgress())
        let locked = try #require(map.entries.firstIndex { $0.isLocked })
        let terminal = ScriptedTerminal(size: TerminalSize(columns: 80, rows: 30))
        var screens: [String] = []
        terminal.onRead = { screens.append($0.screen.text) }
        terminal.type(String(locked + 1))
        terminal.press(.enter, .end, .character("q"), .character("q"))
        try FullScreenLearner(workspace: workspace, store: store, terminal: terminal, color: false).run()
        #expect(screens.contains { $0.contains("Preview: this module is locked") })
        #expect(try store.progress().opened.isEmpty)
        #expect(try store.progress().completed.isEmpty)
    }

    /// The sample workspace with a second quiz for the listening module, a module whose front
    /// matter has a YAML mistake, and optionally a broken quiz.
    static func workspaceWithProblems() throws -> (Workspace, TemporaryFolder) {
        let folder = try SampleWorkspace.create()
        let quiz = try folder.read("assessments/intro-quiz.md")
        try folder.write("assessments/intro-quiz-2.md", quiz.replacingOccurrences(of: "id: intro-quiz", with: "id: intro-quiz-2")
            .replacingOccurrences(of: "title: ", with: "title: Second "))
        let program = try folder.read("curriculum/program.yml")
        try folder.write("curriculum/program.yml", program.replacingOccurrences(of: "modules: [", with: "modules: [broken, "))
        try folder.write("curriculum/broken.md", "---\nid: broken\ntitle: [oops\nsummary: x\nminutes: 5\n---\n\nText.\n")
        let loaded = WorkspaceLoader().load(at: folder.url)
        return (try #require(loaded.workspace, "\(loaded.diagnostics)"), folder)
    }

    @Test func aModuleWithTwoQuizzesOffersBoth() throws {
        let (workspace, _folder) = try Self.workspaceWithProblems()
        _ = _folder
        let map = CourseMap(workspace: workspace, progress: LearnerProgress())
        let index = try #require(map.entries.firstIndex { $0.quizzes.count == 2 })
        var screen = CourseMapScreen(map: map, size: TerminalSize(columns: 100, rows: 24), color: false)
        _ = screen.handle(.character(Character(String(index + 1))))
        #expect(screen.handle(.character("t")) == .stay)
        #expect(screen.frame().rows.last!.contains("Which quiz? 1 "))
        #expect(screen.handle(.character("2")) == .takeQuiz(module: map.entries[index].module.id, quiz: map.entries[index].quizzes[1]))
    }

    @Test func aModuleWithAMistakeShowsAsUnavailable() throws {
        let (workspace, _folder) = try Self.workspaceWithProblems()
        _ = _folder
        let map = CourseMap(workspace: workspace, progress: LearnerProgress())
        let entry = try #require(map.entries.first)
        #expect(entry.isUnavailable)
        #expect(entry.statusText.contains("unavailable"))
        var screen = CourseMapScreen(map: map, size: TerminalSize(columns: 80, rows: 24), color: false)
        #expect(screen.frame().rows.contains { $0.contains("unavailable") })
        _ = screen.handle(.home)
        #expect(screen.handle(.enter) == .stay)
        #expect(map.nextIndex != 0)
        let io = ScriptedLineIO(lines: ["list", "read 1"])
        try LineLearner(workspace: workspace, store: MemoryLearnerStore(), io: io).run()
        #expect(io.transcript.contains("1. Broken: unavailable"))
        #expect(io.transcript.contains("lantern check"))
    }
}
