import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// Parses a competency checklist file: front matter settings and a list of criteria.
public enum ChecklistParser {
    static let knownKeys = ["id", "kind", "module", "title", "occasions", "scale", "pass_level", "methods"]

    public static func parse(_ source: AssessmentSource, engine: DiagnosticsEngine) -> Checklist? {
        guard let reader = YAMLMappingReader(source.frontMatter, context: "checklist front matter",
                                             knownKeys: knownKeys, engine: engine) else { return nil }
        let path = source.displayPath
        let title = reader.string("title", required: true, example: "Active listening in a role-play") ?? source.id
        let occasions = reader.int("occasions", in: 1...100, example: "2") ?? 1
        var scale = ["not-yet", "competent"]
        if let levels = reader.stringList("scale", example: "[not-yet, with-prompting, competent]") {
            var seen = Set<String>()
            for (level, location) in levels {
                Slug.check(level, what: "scale level", at: location, engine: engine)
                if !seen.insert(level).inserted {
                    engine.error("duplicate-level", "the scale lists '\(level)' twice", at: location, hint: "list each level once, lowest first")
                }
            }
            if levels.count < 2 {
                engine.error("invalid-value", "'scale' needs at least two levels, lowest first", at: reader.location(of: "scale"),
                             hint: "for example 'scale: [not-yet, competent]'")
            } else {
                scale = levels.map(\.0)
            }
        }
        var passLevel = scale.last ?? "competent"
        if let level = reader.string("pass_level", example: "competent") {
            if scale.contains(level) { passLevel = level } else {
                engine.error("unknown-level", "'pass_level' is '\(level)', which is not on the scale", at: reader.value("pass_level")?.location ?? reader.location(of: "pass_level"),
                             hint: Suggestions.didYouMean(level, in: scale) ?? "use one of: \(scale.joined(separator: ", "))")
            }
        }
        var methods: [String] = []
        for (method, location) in reader.stringList("methods", example: "[role-play, workplace]") ?? [] {
            if Slug.check(method, what: "method", at: location, engine: engine) { methods.append(method) }
        }

        let markdown = MarkdownSource(source.body, lineOffset: source.bodyLineOffset)
        let document = MarkdownDocument(parsing: source.body, lineOffset: source.bodyLineOffset)
        var instructions: [MarkdownNode] = []
        var criteria: [Criterion] = []
        var seen: [String: Int] = [:]
        for block in document.blocks {
            let location = SourceLocation(path: path, line: block.range.start.line, column: block.range.start.column)
            if case .list = block.kind {
                for item in block.children {
                    guard let criterion = readCriterion(item, source: markdown, path: path, engine: engine) else { continue }
                    if let line = seen[criterion.id] {
                        engine.error("duplicate-id", "criterion id '\(criterion.id)' is used twice in this checklist (first at line \(line))",
                                     at: criterion.location, hint: "give each criterion its own id")
                    } else {
                        seen[criterion.id] = criterion.location?.line ?? 0
                    }
                    criteria.append(criterion)
                }
            } else if criteria.isEmpty {
                instructions.append(block)
            } else {
                engine.error("text-after-criteria", "text after the criteria", at: location,
                             hint: "put instructions for the assessor before the list of criteria")
            }
        }
        if criteria.isEmpty {
            engine.error("no-criteria", "the checklist has no criteria", at: SourceLocation(path: path, line: source.bodyLineOffset + 1),
                         hint: "add a list of criteria such as '- Uses open questions. {#open-questions}'")
        } else if !criteria.contains(where: { $0.requirement != .optional }) {
            engine.error("no-required-criteria", "every criterion is optional, so anyone would be Competent", at: criteria[0].location,
                         hint: "make at least one criterion required (remove '(optional)')")
        }
        return Checklist(id: source.id, moduleID: source.moduleID ?? "", title: title, instructions: markdown.blockText(of: instructions),
                         occasions: occasions, scale: scale, passLevel: passLevel, methods: methods, criteria: criteria, path: path)
    }

    private static func readCriterion(_ item: MarkdownNode, source: MarkdownSource, path: String, engine: DiagnosticsEngine) -> Criterion? {
        let location = SourceLocation(path: path, line: item.range.start.line, column: item.range.start.column)
        var texts: [String] = []
        var guidance: [String] = []
        for child in item.children {
            switch child.kind {
            case .paragraph: texts.append(source.text(of: child.range))
            case .blockQuote: guidance.append(source.quoteText(of: child.range))
            default:
                engine.error("unexpected-content", "a criterion is one line of text, optionally with a '>' note under it",
                             at: SourceLocation(path: path, line: child.range.start.line, column: child.range.start.column),
                             hint: "write sub-points as separate criteria")
            }
        }
        var text = texts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        var requirement = Criterion.Requirement.required
        if text.hasPrefix("("), let close = text.firstIndex(of: ")") {
            let word = String(text[text.index(after: text.startIndex)..<close]).lowercased()
            if let known = Criterion.Requirement(rawValue: word) {
                requirement = known
                text = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
            } else if let suggestion = Suggestions.closest(to: word, in: Criterion.Requirement.allCases.map(\.rawValue)) {
                engine.error("unknown-requirement", "unknown marker '(\(word))'", at: location, hint: "did you mean '(\(suggestion))'?")
            }
        }
        var id: String?
        if text.hasSuffix("}"), let open = text.lastIndex(of: "{") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let columnBase = location.column + 2 + (texts.first.map { _ in 0 } ?? 0)
            for token in inside.split(separator: " ") {
                let tokenText = String(token)
                let at = SourceLocation(path: path, line: location.line, column: columnBase)
                if tokenText.hasPrefix("#") {
                    let value = String(tokenText.dropFirst())
                    if Slug.check(value, what: "criterion id", at: location, engine: engine) { id = value } else { id = value }
                } else if let known = Criterion.Requirement(rawValue: tokenText) {
                    requirement = known
                } else {
                    engine.error("unknown-attribute", "unknown criterion attribute '\(tokenText)'", at: at,
                                 hint: Suggestions.didYouMean(tokenText, in: Criterion.Requirement.allCases.map(\.rawValue)) ?? "write {#id} at the end of the criterion")
                }
            }
            text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        }
        if text.isEmpty {
            engine.error("empty-criterion", "the criterion has no text", at: location, hint: "say what the assessor should see the trainee do")
        }
        guard let id else {
            engine.error("missing-id", "the criterion has no id", at: location,
                         hint: "end it with {#\(Slug.suggestion(for: text.split(separator: " ").prefix(3).joined(separator: " ")))}")
            return nil
        }
        return Criterion(id: id, text: text, requirement: requirement, guidance: guidance.isEmpty ? nil : guidance.joined(separator: "\n\n"),
                         location: location)
    }
}
