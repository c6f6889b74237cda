import ArgumentParser
import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a workspace and report every problem, compiler-style.",
        discussion: "Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, 2 for a usage mistake."
    )

    @Argument(help: ArgumentHelp("The workspace folder (default: the nearest one holding lantern.yml).", valueName: "path"))
    var path: String?

    @Option(help: "Output format: text or json.")
    var format: DiagnosticPrinter.Format = .text

    func run() throws {
        let (root, display) = try WorkspaceLocation.resolve(path)
        let result = AssessmentCheck.check(at: root, displayRoot: display)
        KeptUntilExit.keep(result)
        let diagnostics = result.diagnostics
        let counts = "\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")"
        let summary: String
        if let workspace = result.workspace {
            summary = "checked \(workspace.modules.count) module\(workspace.modules.count == 1 ? "" : "s") and \(workspace.assessments.count) assessment\(workspace.assessments.count == 1 ? "" : "s") in \(display.isEmpty ? "." : display): \(counts)"
        } else {
            summary = "could not load \(display.isEmpty ? "." : display): \(counts)"
        }
        switch format {
        case .json:
            Console.out(DiagnosticPrinter(format: .json).render(diagnostics, summary: summary))
        case .text:
            let printer = DiagnosticPrinter(format: .text, color: Console.colorEnabled(fileDescriptor: STDERR_FILENO))
            Console.errStyled(printer.render(diagnostics))
            Console.out(summary + "\n")
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

extension DiagnosticPrinter.Format: ExpressibleByArgument {}
