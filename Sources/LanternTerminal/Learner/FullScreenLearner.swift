import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

/// The full-screen learner: course map, pager and quiz runner on a `Terminal`, with every
/// change saved through a `LearnerStore` as it happens. The terminal is restored however the
/// run ends.
public final class FullScreenLearner {
    let workspace: Workspace
    let store: any LearnerStore
    let terminal: any Terminal
    let color: Bool
    let subtitle: String
    let clock: () -> Date
    /// Where new attempts' seeds come from (fixed in tests).
    let seed: () -> UInt64
    /// The quizzes as the application parsed them (parsed here only when not given).
    let givenQuizzes: [Quiz]?
    lazy var catalog = givenQuizzes.map(QuizCatalog.init(quizzes:)) ?? QuizCatalog(workspace: workspace)

    public init(workspace: Workspace, store: any LearnerStore, terminal: any Terminal, color: Bool,
                subtitle: String = "", clock: @escaping () -> Date = Date.init,
                seed: @escaping () -> UInt64 = { UInt64.random(in: 1...UInt64.max) }, quizzes: [Quiz]? = nil) {
        self.seed = seed
        givenQuizzes = quizzes
        self.workspace = workspace
        self.store = store
        self.terminal = terminal
        self.color = color
        self.subtitle = subtitle
        self.clock = clock
    }

    /// Runs until the trainee quits (q, Ctrl-C, a closed terminal, SIGTERM).
    public func run() throws(LanternError) {
        let progress = try store.progress()
        terminal.enterFullScreen()
        defer { terminal.leaveFullScreen() }
        var screen = CourseMapScreen(map: CourseMap(workspace: workspace, progress: progress), size: terminal.size,
                                     color: color, subtitle: subtitle)
        screen.quizTitles = Dictionary(catalog.quizzes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        // A quiz left open last time opens again, at the question the trainee left.
        if let open = openQuiz() {
            let leave = runQuiz(of: open.moduleID, quizID: open.id, message: &screen.message)
            refresh(&screen)
            if leave { return }
        }
        while true {
            draw(screen.frame())
            let key = terminal.readKey()
            if key == .resize { screen.size = terminal.size; continue }
            let outcome = screen.handle(key)
            let leave: Bool
            switch outcome {
            case .stay:
                continue
            case .quit:
                return
            case .crisis:
                leave = showCrisisLines()
            case .open(let id):
                leave = read(id, message: &screen.message)
            case .preview(let id):
                leave = read(id, preview: true, message: &screen.message)
            case .quiz(let id):
                leave = takeQuiz(of: id, message: &screen.message)
            case .takeQuiz(let module, let quiz):
                leave = runQuiz(of: module, quizID: quiz, message: &screen.message)
            }
            refresh(&screen)
            if leave { return }
        }
    }

    /// The quiz with an attempt started and not submitted, if any.
    private func openQuiz() -> (id: String, moduleID: String)? {
        guard store is any QuizStore, let open = try? store.progress().openQuizzes, !open.isEmpty else { return nil }
        for quiz in catalog.quizzes where open.contains(quiz.id) {
            if let module = owner(of: quiz) { return (quiz.id, module.id) }
            // A program-level assessment (the final exam) runs by its own id.
            if workspace.assessment(quiz.id)?.isProgramLevel == true { return (quiz.id, quiz.id) }
        }
        return nil
    }

    /// The module a quiz belongs to.
    func owner(of quiz: Quiz) -> Module? {
        workspace.module(quiz.moduleID) ?? workspace.modules.first { $0.assessments.contains(quiz.id) }
    }

    /// The crisis lines, one key (`!`) away from every screen; true when the trainee left Lantern.
    func showCrisisLines() -> Bool {
        var blocks = ModuleDocument.crisisNotice(for: workspace)
        blocks.append(.text("If you or someone with you is in danger now, call your local emergency number.", style: [.bold]))
        blocks.append(.text("Press q to go back to where you were. Everything is saved."))
        var pager = Pager(document: PagerDocument(title: "Crisis lines: help now", blocks: blocks), size: terminal.size, color: color)
        while true {
            draw(pager.frame())
            let key = terminal.readKey()
            if key == .resize { pager.layout(size: terminal.size); continue }
            if key == .character("!") { return false }
            switch pager.handle(key) {
            case .stay: continue
            case .leave: return false
            case .quit: return true
            }
        }
    }

    private func refresh(_ screen: inout CourseMapScreen) {
        screen.size = terminal.size
        do {
            screen.update(CourseMap(workspace: workspace, progress: try store.progress()))
        } catch {
            screen.message = "Could not read your progress: \(error.message)"
        }
    }

    func draw(_ frame: Frame) {
        terminal.write(frame.rendered(rows: terminal.size.rows))
    }

    /// Reads a module in the pager; true when the trainee left Lantern from inside it. A
    /// preview (a locked module) records nothing.
    private func read(_ moduleID: String, preview: Bool = false, message: inout String?) -> Bool {
        guard let module = workspace.module(moduleID) else { return false }
        let index = workspace.modules.firstIndex { $0.id == moduleID } ?? 0
        if !preview {
            do { try store.moduleOpened(moduleID) } catch { message = "Could not save that you opened the module: \(error.message)" }
        }
        let started = clock()
        var document = ModuleDocument.make(module, in: workspace, position: (index, workspace.modules.count))
        if preview {
            document.title = "Preview: " + document.title
            document.blocks.insert(.text("Preview: this module is locked until you finish the modules before it. "
                                         + "Reading it now does not count towards your progress.", style: [.bold]), at: 0)
        }
        var pager = Pager(document: document, size: terminal.size, color: color)
        var outcome = Pager.Outcome.stay
        while outcome == .stay {
            draw(pager.frame())
            let key = terminal.readKey()
            if key == .resize { pager.layout(size: terminal.size); continue }
            if key == .character("!"), pager.acceptsCommands {
                if showCrisisLines() { outcome = .quit }
                continue
            }
            outcome = pager.handle(key)
        }
        if preview { return outcome == .quit }
        let seconds = max(0, Int(clock().timeIntervalSince(started).rounded()))
        do {
            try store.moduleRead(moduleID, seconds: seconds, reachedEnd: pager.hasReachedEnd)
        } catch {
            message = "Could not save your reading time: \(error.message)"
        }
        return outcome == .quit
    }

    /// Takes a module's quiz; true when the trainee left Lantern from inside it.
    func takeQuiz(of moduleID: String, message: inout String?) -> Bool {
        runQuiz(of: moduleID, message: &message)
    }
}
