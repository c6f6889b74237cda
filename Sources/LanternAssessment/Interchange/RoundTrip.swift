import Foundation
import LanternCurriculum
import LanternDiagnostics

/// The trip an imported question must survive: written as a Lantern quiz file and read back,
/// then exported as GIFT and imported again. `QuizImport` runs it on every imported question
/// and warns at the GIFT line of one that comes back different.
public enum RoundTrip {
    /// The question after the whole trip, or why a step could not read it back.
    public static func travel(_ question: Question, quizID: String = "round-trip") -> Result<Question, LanternError> {
        let quiz = Quiz(id: quizID, moduleID: "m", title: "Round trip", settings: QuizSettings(passMark: Fraction(4, 5)), questions: [question])
        let engine = DiagnosticsEngine()
        let parsed = QuizFile.parse(SourceText(displayPath: "\(quizID).md", text: QuizWriter.markdown(quiz)), engine: engine)
        if let problem = engine.diagnostics.first(where: { $0.severity == .error }) {
            return .failure(LanternError(problem.code, "as a Lantern quiz, \(problem.message)", hint: problem.hint))
        }
        guard let written = parsed, let markdown = written.questions.first else {
            return .failure(LanternError(.roundTrip, "the written quiz cannot be read back"))
        }
        let giftEngine = DiagnosticsEngine()
        let gift = GIFTParser.parse(GIFTWriter.gift(written), path: "export.gift", engine: giftEngine)
        if let problem = giftEngine.diagnostics.first(where: { $0.severity == .error }) {
            return .failure(LanternError(problem.code, "exported to GIFT, \(problem.message)", hint: problem.hint))
        }
        guard gift.count == 1 else { return .failure(LanternError(.roundTrip, "exported to GIFT, it reads back as \(gift.count) questions")) }
        var back = GIFTConverter.question(gift[0], id: markdown.id)
        back.location = nil
        return .success(back)
    }

    /// Why `question` does not survive the trip: each part that would change, or the error
    /// that stops it (empty: it survives).
    public static func losses(_ question: Question) -> [String] {
        var original = question
        original.location = nil
        switch travel(original) {
        case .success(let back): return differences(original, back).map { "its \($0) would change" }
        case .failure(let error): return [error.message]
        }
    }

    static func differences(_ a: Question, _ b: Question) -> [String] {
        var parts: [String] = []
        if a.type != b.type { parts.append("type (\(a.type.rawValue) becomes \(b.type.rawValue))") }
        if a.prompt != b.prompt || a.details != b.details { parts.append("question text") }
        if a.choices != b.choices { parts.append("options") }
        if a.shortAnswers != b.shortAnswers { parts.append("short answers") }
        if a.numericAnswers != b.numericAnswers { parts.append("numeric answers") }
        if a.pairs != b.pairs || a.distractors != b.distractors { parts.append("matching pairs") }
        if a.generalFeedback != b.generalFeedback { parts.append("general feedback") }
        if a.id != b.id { parts.append("id") }
        if parts.isEmpty, a != b { parts.append("settings") }
        return parts
    }
}
