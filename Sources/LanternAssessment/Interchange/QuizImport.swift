import Foundation
import LanternDiagnostics

/// Builds a Lantern quiz from a GIFT or Aiken file.
public enum QuizImport {
    public enum Format: String, Sendable, CaseIterable { case gift, aiken }

    /// The quiz in `text`, with problems reported to `engine` (good questions are kept).
    /// GIFT categories are not kept (Lantern has one quiz per file); see docs/interchange.md.
    public static func quiz(from text: String, format: Format, path: String, id: String, moduleID: String, title: String,
                            passMark: Fraction = Fraction(4, 5), engine: DiagnosticsEngine) -> Quiz {
        var questions: [Question]
        var lines: [Int?]
        switch format {
        case .gift:
            let gift = GIFTParser.parse(text, path: path, engine: engine)
            questions = GIFTConverter.questions(gift)
            lines = gift.map(\.line)
        case .aiken:
            questions = AikenParser.parse(text, path: path, engine: engine)
            lines = questions.map { $0.location?.line }
        }
        // Every question must survive the trip out to GIFT and back; say where one cannot.
        for (index, question) in questions.enumerated() {
            let losses = RoundTrip.losses(question)
            guard !losses.isEmpty else { continue }
            engine.warning("import-not-exportable", "question '\(question.id)' cannot be exported to GIFT and imported again unchanged: \(losses.joined(separator: "; "))",
                           at: SourceLocation(path: path, line: lines[index] ?? 1, column: 1),
                           hint: "check the question in the written quiz before exporting it to Moodle")
        }
        questions = questions.map { var copy = $0; copy.location = nil; return copy }
        if questions.isEmpty, !engine.hasErrors {
            engine.error("no-questions", "no questions found", at: SourceLocation(path: path), hint: "is this a \(format.rawValue) file?")
        }
        return Quiz(id: id, moduleID: moduleID, title: title, settings: QuizSettings(passMark: passMark), questions: questions)
    }
}
