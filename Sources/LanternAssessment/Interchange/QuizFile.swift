import Foundation
import LanternCurriculum
import LanternDiagnostics

/// Reading one quiz file on its own (outside a workspace load), for export and tools.
public enum QuizFile {
    /// Parses the quiz at `url`. Problems go to `engine`; nil when the file is not a usable quiz.
    public static func read(_ url: URL, displayPath: String, engine: DiagnosticsEngine) -> Quiz? {
        do {
            let source = try SourceText.read(url, displayPath: displayPath)
            return parse(source, engine: engine)
        } catch {
            engine.emit(error.diagnostic)
            return nil
        }
    }

    /// Parses quiz text; the file name (without `.md`) is the quiz id.
    public static func parse(_ source: SourceText, engine: DiagnosticsEngine) -> Quiz? {
        let name = (source.displayPath as NSString).lastPathComponent
        let id = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard let assessment = AssessmentSource.read(source, fileID: id, relativePath: source.displayPath, engine: engine) else { return nil }
        guard assessment.kind == .quiz else {
            if assessment.kind == .checklist {
                engine.error("not-a-quiz", "'\(id)' is a checklist, not a quiz", at: SourceLocation(path: source.displayPath))
            }
            return nil
        }
        return QuizParser.parse(assessment, engine: engine)
    }
}
