import ArgumentParser
import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

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
