import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternMarkdown

extension FullScreenLearner {
    /// Takes a module's quiz: resumes an open attempt at the question it stopped at, saves
    /// each answer as it is given, and shows the result. True when the trainee left Lantern.
    /// A program-level assessment (the final exam) is run by its own id as `moduleID`, with no module.
    func runQuiz(of moduleID: String, quizID: String? = nil, message: inout String?) -> Bool {
        let module = workspace.module(moduleID)
        let programLevel = module == nil ? workspace.assessment(quizID ?? moduleID).flatMap { $0.isProgramLevel ? $0 : nil } : nil
        guard module != nil || programLevel != nil else { return false }
        guard let store = store as? any QuizStore else {
            message = "Quizzes need the records database."
            return false
        }
        let start: QuizFlow.Start
        do {
            let progress = try store.progress()
            let chosen = (quizID ?? programLevel?.id).flatMap { id in catalog.quizzes.first { $0.id == id } }
            guard let quiz = chosen ?? module.flatMap({ QuizFlow.quiz(for: $0, in: catalog.quizzes, progress: progress) }) else {
                message = QuizFlow.brokenQuizText
                return false
            }
            // A new attempt starts after the introduction (the time limit, if any, starts then).
            if !progress.openQuizzes.contains(quiz.id) {
                switch showIntroduction(quiz) {
                case .start: break
                case .back: return false
                case .quit: return true
                }
            }
            start = try QuizFlow.start(quiz, module: module, store: store, at: clock(), seed: seed())
        } catch {
            message = error.message
            return false
        }
        guard case .session(let session, let resumed) = start else {
            if case .noAttemptsLeft(let text) = start { message = text }
            return false
        }
        var screen = QuizScreen(session: session, size: terminal.size, color: color)
        if resumed { screen.message = "Welcome back: your answers are saved; you are at the question you left." }
        while true {
            if screen.session.isTimeUp(at: clock()) {
                return showResult(of: screen.session, store: store, note: "The time limit has run out.", message: &message)
            }
            draw(screen.frame(at: clock()))
            let key = terminal.readKey()
            if key == .resize { screen.size = terminal.size; continue }
            if key == .character("!"), screen.input.isEmpty {
                if showCrisisLines() { return true }
                continue
            }
            switch screen.handle(key) {
            case .stay:
                continue
            case .leave:
                message = "Your answers are saved. Take the quiz again to carry on where you stopped."
                return false
            case .quit:
                return true
            case .submit:
                return showResult(of: screen.session, store: store, note: nil, message: &message)
            case .save(let response):
                do {
                    try QuizFlow.answer(response, in: &screen.session, store: store, at: clock())
                } catch where error.is(.timeUp) {
                    return showResult(of: screen.session, store: store, note: "The time limit has run out.", message: &message)
                } catch {
                    screen.message = "Not saved: \(error.message)"
                    continue
                }
                screen.input = ""
                if screen.session.feedbackAfterEach, let (question, _) = screen.session.current {
                    screen.feedback = Grader.grade(question, response: response)
                } else {
                    screen.move(to: screen.session.index + 1)
                }
            }
        }
    }

    enum IntroductionChoice { case start, back, quit }

    /// The quiz's introduction before a new attempt, full-screen: what it covers, how many
    /// questions, the pass mark, attempts and time, and that safety-critical questions are
    /// marked and must be right. Enter starts; q or Esc goes back without starting.
    func showIntroduction(_ quiz: Quiz) -> IntroductionChoice {
        var blocks: [PagerDocument.Block] = [.text(quiz.title, style: [.bold])]
        if let intro = quiz.introduction, !intro.isEmpty {
            blocks += MarkdownDocument(parsing: intro).root.children.map { .markdown($0) }
        }
        let progress = try? store.progress()
        blocks.append(.tight(QuizFlow.facts(quiz, attemptsUsed: progress?.attemptsUsed[quiz.id] ?? 0, attemptsAllowed: progress?.attemptsAllowed[quiz.id])
            .map { PagerDocument.Block.text($0, first: "- ", rest: "  ") }))
        blocks.append(.text("Press Enter to start, or q to go back.", style: [.bold]))
        var pager = Pager(document: PagerDocument(title: "Quiz: " + quiz.title, blocks: blocks), size: terminal.size, color: color)
        while true {
            draw(pager.frame())
            let key = terminal.readKey()
            if key == .resize { pager.layout(size: terminal.size); continue }
            if pager.acceptsCommands {
                if key == .enter || key == .character("s") { return .start }
                if key == .character("!") { if showCrisisLines() { return .quit }; continue }
            }
            switch pager.handle(key) {
            case .stay: continue
            case .leave: return .back
            case .quit: return .quit
            }
        }
    }

    /// Submits, then shows the result in the pager; true when the trainee left Lantern.
    private func showResult(of session: QuizSession, store: any QuizStore, note: String?, message: inout String?) -> Bool {
        let result: AttemptResult
        do {
            result = try QuizFlow.submit(session, store: store, at: clock())
        } catch {
            message = "Your answers are saved, but the attempt could not be submitted: \(error.message)"
            return false
        }
        var document = ResultDocument.make(result, session: session, attemptsUsed: session.attempt.number)
        if let note { document.blocks.insert(.text(note, style: [.bold]), at: 0) }
        var pager = Pager(document: document, size: terminal.size, color: color)
        while true {
            draw(pager.frame())
            let key = terminal.readKey()
            if key == .resize { pager.layout(size: terminal.size); continue }
            if key == .character("!"), pager.acceptsCommands { if showCrisisLines() { return true }; continue }
            switch pager.handle(key) {
            case .stay: continue
            case .leave: return false
            case .quit: return true
            }
        }
    }
}
