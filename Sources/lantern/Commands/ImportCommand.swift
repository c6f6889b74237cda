import ArgumentParser
import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a question bank as a Lantern quiz.",
        subcommands: [ImportFormat<GIFTFormat>.self, ImportFormat<AikenFormat>.self]
    )
}

protocol ImportFormatName { static var format: QuizImport.Format { get } }
enum GIFTFormat: ImportFormatName { static let format = QuizImport.Format.gift }
enum AikenFormat: ImportFormatName { static let format = QuizImport.Format.aiken }

struct ImportFormat<Name: ImportFormatName>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Name.format.rawValue,
            abstract: "Write a Lantern quiz file from a Moodle \(Name.format == .gift ? "GIFT" : "Aiken") file.",
            discussion: "Nothing is written when the file has errors. An existing file is never overwritten without --force."
        )
    }

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
    var file: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the quiz (default: assessments/ID.md when an assessments folder is here, else ID.md).", valueName: "path"))
    var output: String?

    @Option(help: "The quiz id (default: made from the file name).")
    var id: String?

    @Option(help: "The module the quiz belongs to.")
    var module: String = "imported"

    @Option(help: "The quiz title (default: made from the file name).")
    var title: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let source = try SourceText.read(url, displayPath: file)
        let stem = url.deletingPathExtension().deletingPathExtension().lastPathComponent
        // A quiz's id is its file name: with -o, the name written decides it (unless --id says otherwise).
        let outputStem = output.map { URL(fileURLWithPath: $0).lastPathComponent }.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) : $0 }
        let quizID = id ?? outputStem ?? Slug.suggestion(for: stem)
        guard Slug.isValid(quizID) else {
            if id == nil, outputStem != nil {
                throw ValidationError("-o must name a file such as assessments/my-quiz.md: the quiz id is the file name, in lower case a-z, 0-9 and hyphens")
            }
            throw ValidationError("--id must be lower case a-z, 0-9 and hyphens")
        }
        if let outputStem, outputStem != quizID {
            throw ValidationError("--id '\(quizID)' does not match the file name '\(outputStem).md'; a quiz's id is its file name")
        }
        let engine = DiagnosticsEngine()
        let quiz = QuizImport.quiz(from: source.text, format: Name.format, path: file, id: quizID, moduleID: module,
                                   title: title ?? stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " "),
                                   engine: engine)
        let printer = DiagnosticPrinter(format: .text, color: Console.colorEnabled(fileDescriptor: STDERR_FILENO))
        Console.errStyled(printer.render(Diagnostic.sorted(engine.diagnostics)))
        if engine.hasErrors {
            Console.err("nothing written: \(engine.diagnostics.errorCount) error\(engine.diagnostics.errorCount == 1 ? "" : "s") in \(file)\n")
            throw ExitCode(1)
        }
        let target = output ?? (FileManager.default.fileExists(atPath: "assessments") ? "assessments/\(quizID).md" : "\(quizID).md")
        if FileManager.default.fileExists(atPath: target), !force {
            throw LanternError(.fileExists, "\(target) already exists", at: SourceLocation(path: target),
                               hint: "choose another path with -o, or pass --force to overwrite it")
        }
        try FileWriter.writeAtomically(QuizWriter.markdown(quiz), to: URL(fileURLWithPath: target), displayPath: target)
        Console.out("wrote \(target): \(quiz.questions.count) question\(quiz.questions.count == 1 ? "" : "s") (module '\(module)')\n")
    }
}
