import ArgumentParser
import Foundation
import LanternApplication

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take quizzes and record the attempts.",
        subcommands: [Take.self]
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
