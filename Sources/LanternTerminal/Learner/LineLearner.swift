import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// The plain learner: a line-based transcript with typed commands, for screen readers,
/// `TERM=dumb`, `NO_COLOR`, `ACCESSIBLE=1`, `--plain`, and scripts driving standard input.
///
/// Commands (a module is named by its number or id): `list`, `read N`, `quiz N`, `next`,
/// `help`, `quit`. End of input quits; everything is saved as it happens.
public final class LineLearner {
    let workspace: Workspace
    let store: any LearnerStore
    let io: any LineIO
    let width: Int
    let clock: () -> Date
    /// Where new attempts' seeds come from (fixed in tests).
    let seed: () -> UInt64
    /// The quizzes as the application parsed them (parsed here only when not given).
    let givenQuizzes: [Quiz]?
    lazy var catalog = givenQuizzes.map(QuizCatalog.init(quizzes:)) ?? QuizCatalog(workspace: workspace)

    public init(workspace: Workspace, store: any LearnerStore, io: any LineIO, width: Int = 80,
                clock: @escaping () -> Date = Date.init,
                seed: @escaping () -> UInt64 = { UInt64.random(in: 1...UInt64.max) }, quizzes: [Quiz]? = nil) {
        self.seed = seed
        givenQuizzes = quizzes
        self.workspace = workspace
        self.store = store
        self.io = io
        self.width = max(20, min(width, 100))
        self.clock = clock
    }

    public static let commandHelp = """
    Commands (N is a module number or id):
      list          the course map with your progress
      read N        print module N (r N, open N, or just N)
      quiz N        take module N's quiz (t N); quiz N 2 for its second quiz;
                    the final assessment is listed after the modules
      next          the next thing to do (n)
      crisis        crisis lines: who to contact now (!)
      help          this list (?)
      quit          leave Lantern; everything is already saved (q)
    """

    public func run() throws(LanternError) {
        var map = CourseMap(workspace: workspace, progress: try store.progress())
        say("Lantern · \(map.title)")
        printMap(map)
        if store is any QuizStore, let open = try? store.progress().openQuizzes {
            for quiz in catalog.quizzes where open.contains(quiz.id) {
                guard let index = map.entries.firstIndex(where: { $0.quizzes.contains(quiz.id) }) else { continue }
                say("You have a quiz in progress: \(quiz.title). Type quiz \(index + 1) to carry on where you stopped.")
                break
            }
        }
        say("Type a command and press Enter. Type help for the list of commands.")
        while let line = io.readLine(prompt: "\nlantern> ") {
            let words = line.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
            guard let command = words.first else { continue }
            let argument = words.dropFirst().first
            switch command {
            case "list", "l", "map", "ls":
                printMap(map)
            case "read", "r", "open", "o":
                if let index = moduleIndex(argument, in: map) { read(index, in: map) }
            case "quiz", "t", "test":
                let choice = words.dropFirst(2).first.flatMap { Int($0) }
                if let index = moduleIndex(argument, in: map) { if runQuiz(index, in: map, choice: choice) { return } }
            case "next", "n":
                guard let index = map.nextIndex else { say("Every module you can do now is done. Well done."); continue }
                let entry = map.entries[index]
                if entry.readToEnd, !entry.quizzes.isEmpty {
                    if takeQuiz(index, in: map) { return }
                } else {
                    read(index, in: map)
                }
            case "help", "?", "h":
                say(Self.commandHelp)
            case "crisis", "!", "help-now":
                say("")
                say(PagerDocument(title: "", blocks: ModuleDocument.crisisNotice(for: workspace))
                    .layout(width: width, color: false).lines.map(\.plain).joined(separator: "\n"))
                say("If you or someone with you is in danger now, call your local emergency number.")
            case "quit", "q", "exit", "bye":
                say("Goodbye. Your progress is saved.")
                return
            default:
                if let index = moduleIndex(command, in: map, quiet: true) {
                    read(index, in: map)
                } else {
                    say("Unknown command '\(command)'. Type help for the list of commands.")
                }
            }
            do {
                map = CourseMap(workspace: workspace, progress: try store.progress())
            } catch {
                say("Could not read your progress: \(error.message)")
            }
        }
        say("\nEnd of input. Your progress is saved.")
    }

    func say(_ text: String) { io.write(text + "\n") }

    private func printMap(_ map: CourseMap) {
        say("Progress: \(map.progressText).")
        for (index, entry) in map.entries.enumerated() {
            if entry.isProgramAssessment {
                say("\(index + 1). \(entry.module.title) (final assessment): "
                    + (entry.isLocked ? "opens when you finish \(entry.waitingText)" : entry.status == .quizPassed ? "passed" : "ready") + ".")
                continue
            }
            say("\(index + 1). \(entry.module.title): \(entry.statusText).")
        }
    }

    private func moduleIndex(_ text: String?, in map: CourseMap, quiet: Bool = false) -> Int? {
        guard let text else {
            if !quiet { say("Which module? Give its number (1 to \(map.entries.count)) or id.") }
            return nil
        }
        if let number = Int(text), number >= 1, number <= map.entries.count { return number - 1 }
        if let index = map.entries.firstIndex(where: { $0.module.id == text }) { return index }
        if !quiet {
            let hint = Suggestions.didYouMean(text, in: map.entries.map(\.module.id)).map { " (\($0))" } ?? ""
            say("There is no module '\(text)'\(hint). Type list to see the modules.")
        }
        return nil
    }

    private func read(_ index: Int, in map: CourseMap) {
        let entry = map.entries[index]
        if entry.isProgramAssessment {
            // Nothing to read: the final assessment is a quiz.
            say("")
            say("\(entry.module.title): \(entry.module.summary)")
            if let quiz = catalog.quizzes.first(where: { $0.id == entry.module.id }) {
                let progress = try? store.progress()
                for fact in QuizFlow.facts(quiz, attemptsUsed: progress?.attemptsUsed[quiz.id] ?? 0, attemptsAllowed: progress?.attemptsAllowed[quiz.id]) {
                    say("- " + fact)
                }
            }
            say(entry.isLocked ? "It opens when you finish \(entry.waitingText)." : "Type quiz \(index + 1) to start it.")
            return
        }
        guard !entry.isUnavailable else {
            say("Module \(index + 1) is " + CourseMap.unavailableText.prefix(1).lowercased() + CourseMap.unavailableText.dropFirst())
            return
        }
        let module = entry.module
        if entry.isLocked {
            say("")
            say("Preview of module \(index + 1): it is locked until you finish \(CourseMap.Entry.list(entry.waitingFor)). "
                + "Reading it now does not count towards your progress.")
        } else {
            do { try store.moduleOpened(module.id) } catch { say("Could not save that you opened the module: \(error.message)") }
        }
        let document = ModuleDocument.make(module, in: workspace, position: (index, map.entries.count))
        say("")
        say(document.title)
        say("")
        say(document.layout(width: width, color: false).lines.map(\.plain).joined(separator: "\n"))
        say("")
        if entry.isLocked {
            say("End of the preview of module \(index + 1).")
            return
        }
        say("End of module \(index + 1)." + (entry.quizzes.isEmpty ? "" : " Type quiz \(index + 1) to take its quiz."))
        do {
            try store.moduleRead(module.id, seconds: 0, reachedEnd: true)
        } catch {
            say("Could not save your progress: \(error.message)")
        }
    }

    /// Runs a quiz; true when input ended inside it.
    func takeQuiz(_ index: Int, in map: CourseMap) -> Bool {
        runQuiz(index, in: map)
    }
}
