import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

/// Helpers shared by the assessment tests.
enum Fixture {
    /// Front matter for a quiz with `extra` lines added.
    static func quiz(_ body: String, extra: String = "") -> String {
        "---\nid: q\nkind: quiz\nmodule: m\ntitle: Test quiz\npass: 80%\n\(extra)---\n\n\(body)"
    }

    static func parse(_ text: String, path: String = "assessments/q.md") -> (Quiz?, [Diagnostic]) {
        let engine = DiagnosticsEngine()
        let quiz = QuizFile.parse(SourceText(displayPath: path, text: text), engine: engine)
        return (quiz, Diagnostic.sorted(engine.diagnostics))
    }

    /// The one question of a quiz body, failing the test when there are diagnostics.
    static func question(_ body: String, extra: String = "") throws -> Question {
        let (quiz, diagnostics) = parse(quiz(body, extra: extra))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(quiz?.questions.first)
    }

    /// The repository root (the folder with Package.swift above this file).
    static var repositoryRoot: URL {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }

    /// `shared/conformance`, found by walking up from this file; nil when absent.
    static var conformance: URL? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/conformance")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
