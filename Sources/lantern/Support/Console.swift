import Foundation
import LanternApplication
import LanternDiagnostics

/// Writing to the terminal: colour only on a TTY, never under `NO_COLOR` or `TERM=dumb`.
///
/// `out` and `err` pass everything through `TerminalSafeText.clean`, so names, module text and
/// file names can never carry escape sequences to the reader's terminal. Only text whose user
/// parts were already cleaned where it was made — the Markdown terminal renderer's, the
/// diagnostic printer's — is written styled, with `outStyled` / `errStyled`.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalSafeText.clean(text).utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(TerminalSafeText.clean(text).utf8))
    }

    /// Text made by `TerminalRenderer` (its text runs cleaned, its own ANSI styling kept).
    static func outStyled(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Text made by `DiagnosticPrinter` (its fields cleaned, its severity colours kept).
    static func errStyled(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether ANSI styling may be used on a file descriptor.
    static func colorEnabled(fileDescriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return Platform.isTerminal(fileDescriptor)
    }

    /// Columns of the terminal on standard output, or `COLUMNS`, or 80.
    static func width() -> Int {
        if let columns = Platform.terminalColumns() { return columns }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(columns), value > 0 {
            return value
        }
        return 80
    }

    static func printError(_ diagnostic: Diagnostic) {
        errStyled(DiagnosticPrinter(format: .text, color: colorEnabled(fileDescriptor: STDERR_FILENO)).renderText(diagnostic))
    }
}

/// The program's output sink: reports to standard output, diagnostics to standard error.
struct StandardOutput: OutputSink {
    func write(_ text: String) { Console.out(text) }
    func report(_ diagnostic: Diagnostic) { Console.printError(diagnostic) }
}
