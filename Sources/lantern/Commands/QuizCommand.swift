import ArgumentParser
import Foundation
import LanternApplication

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take quizzes, record, mark and regrade attempts, and grant extra attempts.",
        subcommands: [Take.self, Sheet.self, ToMark.self, Mark.self, Regrade.self, Grant.self]
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
            try TakeQuiz(course: records.course(), records: records.open(), actor: records.principal, output: StandardOutput())
                .takeWhole(quizID: quiz, trainee: trainee, answersFile: answers, seed: seed, json: json)
        }
    }
}

extension QuizCommand {
    struct Sheet: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a blank answers file for 'quiz take --answers'.",
            discussion: """
            Every question with what it takes, and an empty answer to fill in (left empty: \
            unanswered). Ordering items and matching answers are listed A to Z, never in the \
            quiz file's order, so the sheet gives nothing away; ordering items are answered by \
            their text.
            """
        )

        @Argument(help: ArgumentHelp("The quiz id.", valueName: "quiz"))
        var quiz: String

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try PrintAnswerSheet(course: records.course(), output: StandardOutput()).print(quizID: quiz)
        }
    }

    struct ToMark: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-mark",
            abstract: "List the essays and short answers waiting for a person to mark them.",
            discussion: """
            Each with its attempt id, the question, the trainee's answer, the author's note for \
            the marker, and the 'lantern quiz mark' command for it. An attempt with an answer \
            waiting is not passed until it is marked.
            """
        )

        @Argument(help: ArgumentHelp("Only this quiz.", valueName: "quiz"))
        var quiz: String?

        @Option(help: ArgumentHelp("Only this trainee (id or external id).", valueName: "trainee"))
        var trainee: String?

        @OptionGroup var records: RecordsOptions

        func run() throws {
            try ListAnswersToMark(course: records.course(), records: records.open(mustExist: true), output: StandardOutput())
                .list(quizID: quiz, trainee: trainee)
        }
    }

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
            try GrantAttempts(course: records.course(), records: records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .grant(trainee: trainee, quizID: quiz, attempts: attempts, reason: reason)
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

        @Argument(help: ArgumentHelp("The attempt id (qa-…), as 'lantern quiz to-mark' shows.", valueName: "attempt"))
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
            try MarkQuestion(course: records.course(), records: records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .mark(attemptID: attempt, questionID: question, score: written, feedback: feedback, quizID: quiz)
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
            try RegradeQuiz(course: records.course(), records: records.open(mustExist: true), actor: records.principal, output: StandardOutput())
                .regrade(quizID: quiz, dryRun: dryRun, json: json)
        }
    }
}
