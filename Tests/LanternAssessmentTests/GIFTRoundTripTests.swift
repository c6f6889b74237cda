import Foundation
@testable import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

/// Every file of `shared/conformance` that imports also exports to GIFT and imports again to the
/// same quiz — or the import warns at the line of each question that cannot make the trip.
@Suite("GIFT and Aiken round trip", .enabled(if: Fixture.conformance != nil, "shared/conformance is not beside the repository; conformance suites skipped"))
struct GIFTRoundTripTests {
    static var files: [String] {
        guard let root = Fixture.conformance else { return [] }
        var names: [String] = []
        for folder in ["moodle", "gift-peg"] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            names += entries.filter { $0.hasSuffix(".gift") || $0.hasSuffix(".txt") }.map { "\(folder)/\($0)" }
        }
        return names.sorted()
    }

    /// GIFT lines of questions the import must warn about (and only those).
    static let expectedWarnings: [String: [Int]] = ["moodle/examples.gift.txt": [130], "gift-peg/options1.gift": [51]]

    @Test("each corpus file imports, and every question the import does not warn about survives export and re-import", arguments: files)
    func roundTrip(file: String) throws {
        let url = try #require(Fixture.conformance).appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let format: QuizImport.Format = file.contains("aiken") ? .aiken : .gift
        let engine = DiagnosticsEngine()
        let imported = QuizImport.quiz(from: text, format: format, path: file, id: "imported", moduleID: "m", title: "T", engine: engine)
        if imported.questions.isEmpty {
            // Only a category: nothing to import, and the import says so.
            #expect(engine.diagnostics.contains { $0.code == "no-questions" }, "\(engine.diagnostics.map(\.description))")
            return
        }
        let warned = engine.diagnostics.filter { $0.code == "import-not-exportable" }
        // Moodle lets a multiple-response question score 100% for ticking everything; Lantern's
        // check refuses it, so the import warns at the question's line instead of failing later.
        let expected = Self.expectedWarnings[file] ?? []
        #expect(warned.map { "\($0.location?.line ?? 0)" } == expected.map { "\($0)" }, "\(warned.map(\.description))")
        #expect(warned.allSatisfy { $0.message.contains("selecting every option scores 100%") }, "\(warned.map(\.description))")
        if file.hasSuffix("aiken_errors.txt") { return }
        #expect(!engine.hasErrors, "\(engine.diagnostics.map(\.description))")
        let warnedIDs = Set(warned.compactMap { diagnostic -> String? in
            let parts = diagnostic.message.components(separatedBy: "'")
            return parts.count > 1 ? parts[1] : nil
        })
        var quiz = imported
        quiz.questions.removeAll { warnedIDs.contains($0.id) }
        // The whole quiz: written as Lantern Markdown, read back, exported, imported again.
        let written = DiagnosticsEngine()
        let markdown = try #require(QuizFile.parse(SourceText(displayPath: "imported.md", text: QuizWriter.markdown(quiz)), engine: written))
        #expect(!written.hasErrors, "\(written.diagnostics.map(\.description))")
        let again = DiagnosticsEngine()
        let reimported = QuizImport.quiz(from: GIFTWriter.gift(markdown), format: .gift, path: "export.gift", id: "imported", moduleID: "m",
                                         title: "T", engine: again)
        #expect(!again.hasErrors, "\(again.diagnostics.map(\.description))")
        #expect(reimported.questions.count == quiz.questions.count)
        for (before, after) in zip(quiz.questions, reimported.questions) {
            #expect(RoundTrip.differences(before, after).isEmpty, "\(file) \(before.id): \(RoundTrip.differences(before, after)) \(before) \(after)")
        }
    }
}
