import Foundation

/// Writes diagnostics as text (`path:line:col: error: message` plus an indented hint) or JSON.
public struct DiagnosticPrinter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public var format: Format
    /// Colour the severity words (only when writing to a terminal, never under `NO_COLOR`).
    public var color: Bool

    public init(format: Format = .text, color: Bool = false) {
        self.format = format
        self.color = color
    }

    /// The text for a list of diagnostics, with a closing summary line in text format.
    public func render(_ diagnostics: [Diagnostic], summary: String? = nil) -> String {
        switch format {
        case .json:
            return renderJSON(diagnostics, summary: summary)
        case .text:
            var out = ""
            for diagnostic in diagnostics {
                out += renderText(diagnostic)
            }
            if let summary { out += summary + "\n" }
            return out
        }
    }

    /// One diagnostic in text form, ending in a newline.
    public func renderText(_ diagnostic: Diagnostic) -> String {
        // Paths, messages and hints may quote user data: only the severity's colour is styled.
        let prefix = diagnostic.location.map { TerminalSafeText.clean("\($0)") + ": " } ?? ""
        let severity = styled(diagnostic.severity)
        var line = "\(prefix)\(severity): \(TerminalSafeText.clean(diagnostic.message))\n"
        if let hint = diagnostic.hint {
            line += "  hint: \(TerminalSafeText.clean(hint))\n"
        }
        return line
    }

    private func styled(_ severity: Diagnostic.Severity) -> String {
        guard color else { return severity.rawValue }
        switch severity {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .note: return "\u{1B}[1;36mnote\u{1B}[0m"
        }
    }

    private struct JSONReport: Encodable {
        struct Entry: Encodable {
            var severity: String
            var code: String
            var message: String
            var hint: String?
            var path: String?
            var line: Int?
            var column: Int?
        }
        var errors: Int
        var warnings: Int
        var summary: String?
        var diagnostics: [Entry]
    }

    private func renderJSON(_ diagnostics: [Diagnostic], summary: String?) -> String {
        let report = JSONReport(
            errors: diagnostics.errorCount,
            warnings: diagnostics.warningCount,
            summary: summary,
            diagnostics: diagnostics.map {
                .init(severity: $0.severity.rawValue, code: $0.code, message: $0.message, hint: $0.hint,
                      path: $0.location?.path, line: $0.location?.line, column: $0.location?.column)
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }
}
