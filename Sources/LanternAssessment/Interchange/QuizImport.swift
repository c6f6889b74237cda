import Foundation
import LanternDiagnostics

/// Builds a Lantern quiz from a GIFT or Aiken file.
public enum QuizImport {
    public enum Format: String, Sendable, CaseIterable { case gift, aiken }

    /// The quiz in `text`, with problems reported to `engine` (good questions are kept).
    /// GIFT categories are not kept (Lantern has one quiz per file); see docs/interchange.md.
    public static func quiz(from text: String, format: Format, path: String, id: String, moduleID: String, title: String,
                            passMark: Fraction = Fraction(4, 5), engine: DiagnosticsEngine) -> Quiz {
        let questions: [Question]
        switch format {
        case .gift: questions = GIFTConverter.questions(GIFTParser.parse(text, path: path, engine: engine))
        case .aiken: questions = AikenParser.parse(text, path: path, engine: engine)
        }
        if questions.isEmpty, !engine.hasErrors {
            engine.error("no-questions", "no questions found", at: SourceLocation(path: path), hint: "is this a \(format.rawValue) file?")
        }
        return Quiz(id: id, moduleID: moduleID, title: title, settings: QuizSettings(passMark: passMark), questions: questions)
    }
}
