import ArgumentParser
import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a quiz to another format.",
        subcommands: [ExportGIFT.self]
    )

    struct ExportGIFT: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gift",
            abstract: "Write a quiz as Moodle GIFT (to standard output, or -o FILE).",
            discussion: "QUIZ is a quiz id in the workspace, or the path of a quiz file (ending in .md)."
        )

        @Argument(help: ArgumentHelp("The quiz id or file.", valueName: "quiz"))
        var quiz: String

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        @Flag(help: "Overwrite the output file if it exists.")
        var force = false

        @OptionGroup var location: WorkspaceOption

        func run() throws {
            let engine = DiagnosticsEngine()
            let parsed: Quiz
            if quiz.hasSuffix(".md") {
                guard let read = QuizFile.read(URL(fileURLWithPath: quiz), displayPath: quiz, engine: engine), !engine.hasErrors else {
                    Console.errStyled(DiagnosticPrinter(format: .text).render(Diagnostic.sorted(engine.diagnostics)))
                    throw ExitCode(1)
                }
                parsed = read
            } else {
                let (root, display) = try location.resolve()
                parsed = try AssessmentCheck.loadQuiz(quiz, at: root, displayRoot: display)
            }
            let text = GIFTWriter.gift(parsed, engine: engine)
            Console.errStyled(DiagnosticPrinter(format: .text, color: Console.colorEnabled(fileDescriptor: STDERR_FILENO)).render(engine.diagnostics))
            guard let output else {
                Console.out(text)
                return
            }
            if FileManager.default.fileExists(atPath: output), !force {
                throw LanternError(.fileExists, "\(output) already exists", at: SourceLocation(path: output),
                                   hint: "choose another path with -o, or pass --force to overwrite it")
            }
            try FileWriter.writeAtomically(text, to: URL(fileURLWithPath: output), displayPath: output)
            Console.out("wrote \(output)\n")
        }
    }
}
