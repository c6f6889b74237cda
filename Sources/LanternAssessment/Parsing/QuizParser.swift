import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// Parses a quiz file (front matter already read by the workspace loader) through cmark's tree.
public enum QuizParser {
    /// The quiz in `source`, with every problem reported to `engine`. `module` (when known) lets
    /// `outcome=` be checked against the module's outcomes. Returns nil only when there is no
    /// usable front matter.
    public static func parse(_ source: AssessmentSource, module: Module? = nil, engine: DiagnosticsEngine) -> Quiz? {
        guard let reader = YAMLMappingReader(source.frontMatter, context: "quiz front matter",
                                             knownKeys: QuizSettingsReader.knownKeys, engine: engine) else { return nil }
        let title = reader.string("title", required: true, example: "Communication — knowledge check") ?? source.id
        let (settings, drawLocations) = QuizSettingsReader.read(reader, engine: engine)
        let path = source.displayPath
        let markdown = MarkdownSource(source.body, lineOffset: source.bodyLineOffset)
        let document = MarkdownDocument(parsing: source.body, lineOffset: source.bodyLineOffset)
        let questionReader = QuestionReader(source: markdown, path: path, engine: engine, quizAllOrNothing: settings.allOrNothing,
                                            outcomes: module.map { Set($0.outcomes.map(\.id)) })

        var introduction: [MarkdownNode] = []
        var questions: [Question] = []
        var heading: MarkdownNode?
        var blocks: [MarkdownNode] = []
        func finish() {
            if let current = heading, let question = questionReader.read(heading: current, blocks: blocks) {
                questions.append(question)
            }
            blocks = []
        }
        for block in document.blocks {
            if case .heading(let level) = block.kind, level <= 2 {
                finish()
                if level == 1 {
                    engine.error("top-level-heading", "a quiz has no level-1 headings; the title is in the front matter",
                                 at: SourceLocation(path: path, line: block.range.start.line, column: block.range.start.column),
                                 hint: "start each question with '## '")
                    heading = nil
                } else {
                    heading = block
                }
            } else if heading == nil {
                introduction.append(block)
            } else {
                blocks.append(block)
            }
        }
        finish()

        var seen: [String: SourceLocation] = [:]
        for question in questions {
            if let first = seen[question.id] {
                engine.error("duplicate-id", "question id '\(question.id)' is used twice in this quiz (first at line \(first.line))",
                             at: question.location.map { idLocation(of: question.id, in: markdown, heading: $0) },
                             hint: "give each question its own id")
            } else if let location = question.location {
                seen[question.id] = location
            }
        }
        let bank = questions.filter { $0.type != .description }.count
        if questions.isEmpty {
            engine.error("no-questions", "the quiz has no questions", at: SourceLocation(path: path, line: source.bodyLineOffset + 1),
                         hint: "add a question as a '## ' heading followed by its options")
        }
        let quiz = Quiz(id: source.id, moduleID: source.moduleID ?? "", title: title,
                        introduction: markdown.blockText(of: introduction), settings: settings, questions: questions, path: path)
        if bank > 0 {
            for problem in quiz.drawRuleProblems() {
                let location: SourceLocation? = switch problem.part {
                case .count: drawLocations.count ?? drawLocations.draw
                case .perOutcome: drawLocations.perOutcome ?? drawLocations.draw
                case .tag(let tag): drawLocations.perTag[tag] ?? drawLocations.draw
                }
                engine.error(problem.code, problem.message, at: location, hint: problem.hint)
            }
        }
        return quiz
    }

    /// Where `#id` is written in a heading line, for pointing at a duplicate.
    private static func idLocation(of id: String, in source: MarkdownSource, heading: SourceLocation) -> SourceLocation {
        let line = source.line(heading.line)
        let needle = Array(("#" + id).utf8)
        guard needle.count <= line.count else { return heading }
        for start in stride(from: line.count - needle.count, through: 0, by: -1) where Array(line[start..<(start + needle.count)]) == needle {
            return SourceLocation(path: heading.path, line: heading.line, column: start + 1)
        }
        return heading
    }
}
