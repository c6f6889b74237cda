import ArgumentParser
import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take quizzes, record, mark and regrade attempts, and grant extra attempts.",
        subcommands: [Take.self, Mark.self, Regrade.self, Grant.self]
    )

    struct Take: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a quiz non-interactively from an answers file and record the attempt.",
            discussion: """
            The answers file maps question ids to answers (YAML or JSON; see docs/authoring.md). The \
            attempt is graded by the assessment engine and recorded whole, with its seed, drawn \
            questions, every response and every result, or not at all. Exit status 0 when recorded \
            (passed or not), 1 for a problem with the answers, the quiz or the records.
            """
        )

        @Argument(help: ArgumentHelp("The quiz id, for example 'communication-quiz'.", valueName: "quiz"))
        var quiz: String

        @Option(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: ArgumentHelp("The answers file.", valueName: "file"))
        var answers: String

        @Option(help: "The seed for the draw and shuffles (default: random).")
        var seed: UInt64?

        @Flag(help: "Print the recorded attempt and its result as JSON.")
        var json = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let (quiz, hash) = try records.quiz(self.quiz)
            guard let data = FileManager.default.contents(atPath: answers) else {
                throw LanternError("cannot-read", "cannot read '\(answers)'", hint: "check the path")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LanternError("not-utf8", "'\(answers)' is not UTF-8 text", at: SourceLocation(path: answers))
            }
            let responses = try AnswersFile.parse(text, path: answers, quiz: quiz)
            let taken = try records.open().takeQuiz(quiz, quizHash: hash, trainee: trainee, answers: responses, seed: seed)
            for id in taken.ignoredQuestions {
                Console.printError(Diagnostic(.warning, "not-drawn", "question '\(id)' was not drawn in this attempt; its answer was ignored",
                                              at: SourceLocation(path: answers)))
            }
            if json {
                struct Output: Encodable { var attemptID: String; var traineeID: String; var result: AttemptResult }
                Console.out(jsonText(Output(attemptID: taken.record.id, traineeID: taken.record.traineeID, result: taken.result)))
                return
            }
            let result = taken.result
            var lines = ["attempt \(taken.record.id): \(taken.record.traineeID), quiz \(quiz.id), attempt \(result.attemptNumber)",
                         "score \(percent(result.total.doubleValue)) (pass mark \(percent(result.passMark.doubleValue))): \(result.passed ? "passed" : "not passed")"]
            lines += result.reasons.map { "  \($0)" }
            lines += result.questions.map { grade in
                let mark = !grade.answered ? "unanswered" : grade.needsMarking ? "to be marked" : grade.isCorrect ? "right" : grade.score == .zero ? "wrong" : "part (\(percent(grade.score.doubleValue)))"
                return "  \(grade.questionID): \(mark)\(grade.isCritical ? " [critical]" : "")"
            }
            Console.out(lines.joined(separator: "\n") + "\n")
        }
    }
}

extension QuizCommand {
    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Allow a trainee more attempts at a quiz than its 'attempts:' limit (audited).",
            discussion: """
            The grant is recorded with the reason and who gave it (--as); it adds to the quiz's \
            limit for this trainee only. It does not shorten the quiz's 'wait:' between attempts.
            """
        )

        @Argument(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Argument(help: ArgumentHelp("The quiz id.", valueName: "quiz"))
        var quiz: String

        @Option(help: ArgumentHelp("Why another attempt is appropriate (kept in the records).", valueName: "text"))
        var reason: String

        @Option(help: "How many more attempts (default 1).")
        var attempts = 1

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let (quiz, _) = try records.quiz(self.quiz)
            let store = try records.open(mustExist: true)
            let grant = try store.grantAttempts(trainee: trainee, quiz: quiz.id, attempts: attempts, reason: reason)
            let standing = try store.standing(trainee: grant.traineeID, quiz: quiz)
            var line = "granted \(grant.id): \(grant.traineeID) may take \(attempts) more attempt\(attempts == 1 ? "" : "s") at quiz \(quiz.id)"
            if let left = standing.attemptsLeft, let allowed = standing.attemptsAllowed {
                line += " (\(standing.attemptsUsed) of \(allowed) used, \(left) left)"
            } else {
                line += " (the quiz allows unlimited attempts; the grant is kept for the record)"
            }
            Console.out(line + "\n")
        }
    }

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark an essay or short answer of a recorded attempt by hand (audited).",
            discussion: """
            The mark is recorded beside the attempt, which is never changed; the attempt's \
            result (progress, stats, certificate) is worked out again with it. A later mark of \
            the same question replaces an earlier one.
            """
        )

        @Argument(help: ArgumentHelp("The attempt id (qa-…), as 'lantern progress' and 'quiz regrade --dry-run' show.", valueName: "attempt"))
        var attempt: String?

        @Argument(help: ArgumentHelp("The question id.", valueName: "question"))
        var question: String?

        @Option(help: ArgumentHelp("The score: 75%, 3/4, 0.75, 1 or 0.", valueName: "score"))
        var score: String?

        @Option(help: ArgumentHelp("Feedback for the trainee (Markdown).", valueName: "text"))
        var feedback: String?

        @Option(help: ArgumentHelp("The quiz id (checked against the attempt).", valueName: "quiz"))
        var quiz: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            guard let attempt, let question, let written = score else {
                throw ValidationError("give ATTEMPT QUESTION --score S")
            }
            guard let value = Fraction.score(written) else {
                throw LanternError("invalid-score", "'\(written)' is not a score", hint: "write 75%, 3/4, 0.75, 1 or 0")
            }
            let store = try records.open(mustExist: true)
            let quizID = try quiz ?? store.attemptQuizID(attempt)
            let (quiz, _) = try records.quiz(quizID)
            let marked = try store.markQuestion(attempt: attempt, question: question, score: value, feedback: feedback, quiz: quiz)
            let result = marked.effective
            var text = "marked \(question) of attempt \(attempt) (\(marked.record.traineeID), quiz \(quiz.id)): \(value.percentText) by \(store.actor)\n"
            text += "attempt now scores \(result.total.percentText) (pass mark \(result.passMark.percentText)): \(result.passed ? "passed" : "not passed")"
            if !result.needsMarking.isEmpty { text += "; still to mark: \(result.needsMarking.joined(separator: ", "))" }
            Console.out(text + "\n")
        }
    }

    struct Regrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regrade every recorded attempt at a quiz against the quiz as it is now.",
            discussion: """
            For each attempt: the old and new grade and what changed in the quiz (each question \
            edited or removed since it was graded, with its old and new score). Unless --dry-run, \
            a regrade is recorded beside each changed attempt (audited); the attempt itself is \
            never changed, and marks given by hand still apply.
            """
        )

        @Argument(help: ArgumentHelp("The quiz id.", valueName: "quiz"))
        var quiz: String

        @Flag(help: "Show what would change; record nothing.")
        var dryRun = false

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var records: RecordsOptions

        func run() throws {
            let (quiz, hash) = try records.quiz(self.quiz)
            let lines = try records.open(mustExist: true).regrade(quiz: quiz, quizHash: hash, dryRun: dryRun)
            if json {
                Console.out(jsonText(lines))
                return
            }
            let changed = lines.filter(\.isChanged)
            var text = "\(dryRun ? "Dry run: regrading" : "Regraded") \(lines.count) attempt\(lines.count == 1 ? "" : "s") at \(quiz.id): "
            text += "\(changed.count) changed\(dryRun ? " (nothing recorded)" : changed.isEmpty ? "" : ", regrades recorded")\n"
            for line in lines {
                let verdict = { (result: AttemptResult) in "\(result.total.percentText) \(result.passed ? "passed" : "not passed")" }
                text += "\n\(line.attemptID) \(line.traineeID) attempt \(line.attemptNumber): \(verdict(line.before)) -> \(verdict(line.after))"
                text += line.isChanged ? "\n" : " (unchanged)\n"
                for change in line.changes {
                    let what = change.kind == .questionRemoved ? "removed from the quiz; its old score is kept" : "changed since it was graded"
                    text += "  \(change.questionID): \(what): \(change.oldScore.percentText) -> \(change.newScore.percentText)\n"
                }
            }
            Console.out(text)
        }
    }
}
