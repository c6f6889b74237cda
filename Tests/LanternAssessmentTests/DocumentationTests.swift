import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

/// Every quiz and checklist example in docs/authoring.md must parse without a problem, so the
/// documentation cannot drift from the parser.
@Suite("docs/authoring.md examples")
struct DocumentationTests {
    static func markdownBlocks() throws -> [String] {
        let text = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("docs/authoring.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```markdown" {
                current = []
            } else if current != nil, trimmed == "```" {
                let indent = line.prefix { $0 == " " }.count
                blocks.append(current!.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(String(line))
            }
        }
        return blocks
    }

    @Test("every quiz, question and checklist example parses cleanly")
    func examples() throws {
        let blocks = try Self.markdownBlocks()
        var quizzes = 0
        var checklists = 0
        for block in blocks {
            if block.hasPrefix("---"), block.contains("kind: checklist") {
                let engine = DiagnosticsEngine()
                let source = try #require(AssessmentSource.read(SourceText(displayPath: "doc.md", text: block), fileID: "active-listening",
                                                                relativePath: "doc.md", engine: engine))
                _ = ChecklistParser.parse(source, engine: engine)
                #expect(engine.diagnostics.isEmpty, "\(engine.diagnostics.map(\.description))\n\(block)")
                checklists += 1
            } else if block.hasPrefix("---"), block.contains("kind: quiz") {
                let (quiz, diagnostics) = Fixture.parse(block, path: "assessments/communication-quiz.md")
                #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))\n\(block)")
                #expect(quiz?.questions.isEmpty == false)
                quizzes += 1
            } else if block.hasPrefix("## ") {
                let (quiz, diagnostics) = Fixture.parse(Fixture.quiz(block))
                #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))\n\(block)")
                #expect(quiz?.questions.count == 1)
                quizzes += 1
            }
        }
        #expect(quizzes >= 10)
        #expect(checklists >= 1)
    }
}
