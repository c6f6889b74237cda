import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternMarkdown

extension LineLearner {
    /// The plain quiz: each question printed once, answered on a line. Words: `skip`, `back`,
    /// `submit`, `quit` (the attempt stays open and resumes at this question).
    /// Returns true when input ended inside the quiz.
    ///
    /// A module with several quizzes: `choice` (1-based, `quiz N M`) picks one, else the
    /// trainee is asked which. A program-level assessment (the final exam) is an entry of its own.
    func runQuiz(_ index: Int, in map: CourseMap, choice: Int? = nil) -> Bool {
        let entry = map.entries[index]
        let what = entry.isProgramAssessment ? entry.module.title : "Module \(index + 1)"
        guard !entry.isUnavailable else { say("Module \(index + 1) is unavailable: it has a mistake your trainer needs to fix."); return false }
        guard !entry.isLocked else {
            say("\(what) is locked: finish \(entry.waitingText) first.")
            return false
        }
        guard let store = store as? any QuizStore else { say("Quizzes need the records database."); return false }
        let start: QuizFlow.Start
        do {
            let progress = try store.progress()
            var chosenID: String?
            if entry.quizzes.count > 1 {
                if let choice, choice >= 1, choice <= entry.quizzes.count {
                    chosenID = entry.quizzes[choice - 1]
                } else if let open = entry.quizzes.first(where: progress.openQuizzes.contains) {
                    chosenID = open
                } else {
                    say("Module \(index + 1) has \(entry.quizzes.count) quizzes:")
                    let titles = Dictionary(catalog.quizzes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
                    for (number, id) in entry.quizzes.enumerated() {
                        say("  \(number + 1). \(titles[id] ?? id)" + (progress.passedQuizzes.contains(id) ? " (passed)" : ""))
                    }
                    guard let line = io.readLine(prompt: "Which quiz? Type its number, or press Enter to go back: ") else { return true }
                    guard let number = Int(line.trimmingCharacters(in: .whitespaces)), number >= 1, number <= entry.quizzes.count else {
                        say("No quiz started.")
                        return false
                    }
                    chosenID = entry.quizzes[number - 1]
                }
            }
            let chosen = chosenID.flatMap { id in catalog.quizzes.first { $0.id == id } }
            guard let quiz = chosen ?? QuizFlow.quiz(for: entry.module, in: catalog.quizzes, progress: progress) else {
                say(entry.quizzes.isEmpty ? "Module \(index + 1) has no quiz." : QuizFlow.brokenQuizText)
                return false
            }
            if !progress.openQuizzes.contains(quiz.id) {
                say("")
                say("About \(quiz.title):")
                for fact in QuizFlow.facts(quiz, attemptsUsed: progress.attemptsUsed[quiz.id] ?? 0, attemptsAllowed: progress.attemptsAllowed[quiz.id]) { say("- " + fact) }
            }
            start = try QuizFlow.start(quiz, module: entry.isProgramAssessment ? nil : entry.module, store: store, at: clock(), seed: seed())
        } catch {
            say(error.message)
            return false
        }
        var session: QuizSession
        switch start {
        case .noAttemptsLeft(let text): say(text); return false
        case .session(let started, let resumed):
            session = started
            say("")
            say("Quiz: \(session.quiz.title). \(session.attemptText). \(Wording.count(session.count, "question"))"
                + (session.timeText(at: clock()).map { ", \($0)" } ?? "") + ".")
            if resumed { say("Welcome back: your answers are saved. Carrying on at question \(min(session.index, session.count - 1) + 1).") }
            else if let intro = session.quiz.introduction, !intro.isEmpty { say(plain(intro)) }
            say("Answer each question and press Enter. Words you can type instead: skip, back, submit, quit.")
        }
        let renderer = TerminalRenderer(options: .init(width: width))
        while true {
            if session.isTimeUp(at: clock()) {
                say("The time limit has run out.")
                submit(session, store: store)
                return false
            }
            if session.isReviewing {
                let missing = session.count - session.answeredCount
                say("")
                say("You have answered \(session.answeredCount) of \(session.count) questions."
                    + (missing > 0 ? " Questions not answered score nothing." : ""))
                guard let line = io.readLine(prompt: "Type submit to hand in, back to go back, or quit to finish later: ") else {
                    say("\nEnd of input. Your answers are saved; the quiz resumes here next time.")
                    return true
                }
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "submit", "s", "yes", "y": submit(session, store: store); return false
                case "back", "b": session.index = session.count - 1
                case "quit", "q": say("Your answers are saved. Take the quiz again to carry on."); return false
                default:
                    if let number = Int(line.trimmingCharacters(in: .whitespaces)), number >= 1, number <= session.count { session.index = number - 1 }
                }
                continue
            }
            guard let (question, presented) = session.current else { session.index += 1; continue }
            say("")
            say("Question \(session.index + 1) of \(session.count)" + (session.timeText(at: clock()).map { " (\($0))" } ?? "") + ":")
            say(QuestionText.lines(question, shown: presented, renderer: renderer).map(\.plain).joined(separator: "\n"))
            if let saved = session.attempt.responses[question.id] {
                say("Saved answer: \(QuizAnswerText.describe(saved, question, presented)). Press Enter to keep it.")
            }
            guard let line = io.readLine(prompt: "Answer: ") else {
                say("\nEnd of input. Your answers are saved; the quiz resumes at this question next time.")
                return true
            }
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            switch word {
            case "skip", "next":
                session.index += 1
                continue
            case "back", "previous":
                session.index = max(0, session.index - 1)
                continue
            case "submit":
                session.index = session.count
                continue
            case "quit", "exit":
                say("Your answers are saved. Take the quiz again to carry on at this question.")
                return false
            case "":
                if session.attempt.responses[question.id] != nil { session.index += 1 } else { say("Type an answer, or skip.") }
                continue
            default:
                break
            }
            guard session.canChange(session.index) else {
                say("You have seen the feedback, so this answer is final.")
                session.index += 1
                continue
            }
            switch AnswerInput.parse(line, for: question, shown: presented) {
            case .failure(let problem):
                say(problem.message)
            case .success(let response):
                do {
                    try QuizFlow.answer(response, in: &session, store: store, at: clock())
                    say("Saved.")
                    if session.feedbackAfterEach {
                        let grade = Grader.grade(question, response: response)
                        say(grade.isCorrect ? "Right." : grade.score == .zero ? "Not right." : "Partly right (\(grade.score.percentText)).")
                        for text in grade.feedback { say(plain(text)) }
                    }
                    session.index += 1
                } catch where error.is(.timeUp) {
                    say("The time limit has run out; that answer came too late.")
                    submit(session, store: store)
                    return false
                } catch {
                    say("Not saved: \(error.message)")
                }
            }
        }
    }

    private func submit(_ session: QuizSession, store: any QuizStore) {
        do {
            let result = try QuizFlow.submit(session, store: store, at: clock())
            let document = ResultDocument.make(result, session: session, attemptsUsed: session.attempt.number)
            say("")
            say(document.layout(width: width, color: false).lines.map(\.plain).joined(separator: "\n")
                .replacingOccurrences(of: "Press q to go back to the course map.", with: "Type list to see the course map."))
        } catch {
            say("Your answers are saved, but the attempt could not be submitted: \(error.message)")
        }
    }

    private func plain(_ markdown: String) -> String {
        TerminalRenderer(options: .init(width: width)).renderLines(MarkdownDocument(parsing: markdown)).map(\.plain).joined(separator: "\n")
    }
}
