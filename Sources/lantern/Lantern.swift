import ArgumentParser
import Foundation
import LanternDiagnostics

/// The `lantern` command. Exit codes: 0 success, 1 a problem with the user's files or
/// records, 2 a usage error.
@main
struct Lantern: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lantern",
        abstract: "Train and certify mental-health peer support workers.",
        discussion: """
        Trainers write the course in Markdown; trainees take it in a terminal; organisations record assessments and issue certificates that anyone can verify.

        If you are in crisis, contact your local emergency number or a crisis line now.
        In the US, call or text 988; in the UK and Ireland, call Samaritans on 116 123.
        """,
        version: version,
        subcommands: [CheckCommand.self, InitCommand.self, NewCommand.self, ReadCommand.self, LearnCommand.self,
                      ImportCommand.self, ExportCommand.self,
                      AssessorCommand.self, TraineeCommand.self, EnrollCommand.self, ChecklistCommand.self, QuizCommand.self,
                      HoursCommand.self, ProgressCommand.self, ReportCommand.self, StatsCommand.self, DatabaseCommand.self,
                      KeysCommand.self, CertCommand.self, BuildCommand.self, ServeCommand.self]
    )

    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(with: error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            // A mistake found while running: show the usage of the command that was run, not
            // the root's "lantern <subcommand>".
            let subcommand = type(of: command)
            let name = ([Lantern.configuration.commandName ?? "lantern"] + commandPath(to: subcommand)).joined(separator: " ")
            Console.err("Error: \(error.message)\nUsage: \(usageString(for: subcommand))\n  See '\(name) --help' for more information.\n")
            Foundation.exit(2)
        } catch {
            exit(with: error)
        }
    }

    /// The subcommand names from the root to `target` (`["cert", "revoke"]`).
    static func commandPath(to target: any ParsableCommand.Type) -> [String] {
        func search(_ type: any ParsableCommand.Type, _ path: [String]) -> [String]? {
            if ObjectIdentifier(type) == ObjectIdentifier(target) { return path }
            for sub in type.configuration.subcommands {
                let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
                if let found = search(sub, path + [name]) { return found }
            }
            return nil
        }
        return search(Lantern.self, []) ?? []
    }

    /// Prints an error the way a person can act on it and exits with Lantern's codes.
    static func exit(with error: any Error) -> Never {
        if let error = error as? LanternError {
            for diagnostic in error.diagnostics { Console.printError(diagnostic) }
            Foundation.exit(1)
        }
        if let code = error as? ExitCode {
            Foundation.exit(code.rawValue)
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { Console.out(message + "\n") }
            Foundation.exit(0)
        }
        if !message.isEmpty { Console.err(message + "\n") }
        // ArgumentParser reports usage mistakes as 64; Lantern's contract is 2.
        Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
}
