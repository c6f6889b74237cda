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
        while true {
            draw(screen.frame())
            let key = terminal.readKey()
            if key == .resize { screen.size = terminal.size; continue }
            let outcome = screen.handle(key)
            switch outcome {
            case .stay:
                continue
            case .quit:
                return
            case .open(let id):
                let leave = read(id, message: &screen.message)
                refresh(&screen)
                if leave { return }
            case .quiz(let id):
                let leave = takeQuiz(of: id, message: &screen.message)
                refresh(&screen)
                if leave { return }
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

    /// Reads a module in the pager; true when the trainee left Lantern from inside it.
    private func read(_ moduleID: String, message: inout String?) -> Bool {
        guard let module = workspace.module(moduleID) else { return false }
        let index = workspace.modules.firstIndex { $0.id == moduleID } ?? 0
        do { try store.moduleOpened(moduleID) } catch { message = "Could not save that you opened the module: \(error.message)" }
        let started = clock()
        var pager = Pager(document: ModuleDocument.make(module, in: workspace, position: (index, workspace.modules.count)),
                          size: terminal.size, color: color)
        var outcome = Pager.Outcome.stay
        while outcome == .stay {
            draw(pager.frame())
            let key = terminal.readKey()
            if key == .resize { pager.layout(size: terminal.size); continue }
            outcome = pager.handle(key)
        }
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
