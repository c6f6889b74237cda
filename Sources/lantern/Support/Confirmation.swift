import ArgumentParser
import Foundation
import LanternDiagnostics

/// `--yes` for commands that cannot be undone.
struct ConfirmOption: ParsableArguments {
    @Flag(name: [.short, .long], help: "Do it without asking (for scripts); without it you are asked at a terminal, and refused elsewhere.")
    var yes = false

    /// Goes on only when the person says yes: `--yes`, or typing `yes` at a terminal. Without a
    /// terminal (a script, a pipe) and without `--yes`, nothing is done and the error says why.
    func confirm(_ what: String, command: String) throws {
        if yes { return }
        guard Platform.isTerminal(STDIN_FILENO) else {
            throw LanternError(.confirmationNeeded, "\(what) cannot be undone, and there is no terminal to ask you on; nothing was changed",
                               hint: "run it again with --yes: '\(command) --yes'")
        }
        Console.err("\(what) cannot be undone. Type yes to go on: ")
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "yes" || answer == "y" else {
            Console.err("nothing was changed\n")
            throw ExitCode(1)
        }
    }
}
