import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// Parses a competency checklist file: front matter settings and a list of criteria.
public enum ChecklistParser {
    static let knownKeys = ["id", "kind", "module", "title", "occasions", "scale", "pass_level", "methods", "levels", "assessors"]
    /// The roles an assessor may hold (`LanternRecords.Assessor.Role`), for `assessors:`.
    public static let assessorRoles = ["assessor", "trainer", "supervisor"]

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

        var levelDescriptors: [String: String] = [:]
        if let node = reader.value("levels") {
            if case .mapping(let pairs) = node.content {
                for (key, value) in pairs {
                    guard let level = key.scalar, let text = value.scalar, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                        engine.error("wrong-type", "each line under 'levels' should be 'level: what it means'", at: key.location,
                                     hint: "for example 'competent: Did this without a hint.'")
                        continue
                    }
                    guard scale.contains(level) else {
                        engine.error("unknown-level", "'levels' describes '\(level)', which is not on the scale", at: key.location,
                                     hint: Suggestions.didYouMean(level, in: scale) ?? "the scale is \(scale.joined(separator: ", "))")
                        continue
                    }
                    levelDescriptors[level] = text
                }
            } else {
                engine.error("wrong-type", "'levels' should map each scale level to what it means, not \(node.kindDescription)", at: node.location,
                             hint: "write one indented 'level: what it means' line per level")
            }
        }
        var assessorRoles: [String] = []
        for (role, location) in reader.stringList("assessors", example: "[assessor, supervisor]") ?? [] {
            if Self.assessorRoles.contains(role) { assessorRoles.append(role) } else {
                engine.error("unknown-role", "'\(role)' is not an assessor role", at: location,
                             hint: Suggestions.didYouMean(role, in: Self.assessorRoles) ?? "roles: \(Self.assessorRoles.joined(separator: ", "))")
            }
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
                    guard let criterion = readCriterion(item, source: markdown, path: path, scale: scale, engine: engine) else { continue }
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
        checkDescriptors(levelDescriptors, criteria: criteria, scale: scale, at: reader.location(of: "levels"), engine: engine)
        for criterion in criteria where criterion.allowsNotApplicable && criterion.requirement == .critical {
            engine.warning("critical-not-applicable", "critical criterion '\(criterion.id)' may be rated n/a, but n/a never counts as a pass for it",
                           at: criterion.location, hint: "a trainee is Competent only once it is seen; remove 'n/a' if the scenario always includes it")
        }
        return Checklist(id: source.id, moduleID: source.moduleID ?? "", title: title, instructions: markdown.blockText(of: instructions),
                         occasions: occasions, scale: scale, passLevel: passLevel, methods: methods, levelDescriptors: levelDescriptors,
                         assessorRoles: assessorRoles, criteria: criteria, path: path)
    }

    /// Once a checklist describes its levels anywhere, every level needs a descriptor for every
    /// criterion (from `levels:` or the criterion's own list).
    private static func checkDescriptors(_ levels: [String: String], criteria: [Criterion], scale: [String], at location: SourceLocation,
                                         engine: DiagnosticsEngine) {
        guard !levels.isEmpty || criteria.contains(where: { !$0.descriptors.isEmpty }) else { return }
        let missingEverywhere = scale.filter { level in levels[level] == nil && criteria.contains { $0.descriptors[level] == nil } }
        if !levels.isEmpty, !missingEverywhere.isEmpty, criteria.allSatisfy({ $0.descriptors.isEmpty }) {
            engine.warning("missing-descriptor", "'levels' does not say what \(missingEverywhere.map { "'\($0)'" }.joined(separator: ", ")) means",
                           at: location, hint: "describe every level of the scale, lowest first")
            return
        }
        for criterion in criteria {
            let missing = scale.filter { criterion.descriptors[$0] == nil && levels[$0] == nil }
            if !missing.isEmpty {
                engine.warning("missing-descriptor", "criterion '\(criterion.id)' has no descriptor for \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                               at: criterion.location, hint: "add '- \(missing[0]): …' under it, or describe the level for every criterion under 'levels:'")
            }
        }
    }

    private static func readCriterion(_ item: MarkdownNode, source: MarkdownSource, path: String, scale: [String],
                                      engine: DiagnosticsEngine) -> Criterion? {
        let location = SourceLocation(path: path, line: item.range.start.line, column: item.range.start.column)
        var texts: [String] = []
        var guidance: [String] = []
        var descriptors: [String: String] = [:]
        for child in item.children {
            switch child.kind {
            case .paragraph: texts.append(source.text(of: child.range))
            case .blockQuote: guidance.append(source.quoteText(of: child.range))
            case .list:
                // - level: what this level means for this criterion
                for entry in child.children {
                    let at = SourceLocation(path: path, line: entry.range.start.line, column: entry.range.start.column)
                    let line = entry.children.filter { if case .paragraph = $0.kind { true } else { false } }
                        .map { source.text(of: $0.range) }.joined(separator: " ")
                    guard let colon = line.firstIndex(of: ":") else {
                        engine.error("invalid-descriptor", "a line under a criterion should be 'level: what it means'", at: at,
                                     hint: "for example '- competent: Asks in plain words.'; write sub-points as separate criteria")
                        continue
                    }
                    let level = line[..<colon].trimmingCharacters(in: .whitespaces)
                    let text = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    guard scale.contains(level) else {
                        engine.error("unknown-level", "'\(level)' is not on the scale", at: at,
                                     hint: Suggestions.didYouMean(level, in: scale) ?? "the scale is \(scale.joined(separator: ", "))")
                        continue
                    }
                    if text.isEmpty {
                        engine.error("empty-descriptor", "say what '\(level)' means for this criterion", at: at)
                    } else if descriptors[level] != nil {
                        engine.error("duplicate-level", "'\(level)' is described twice for this criterion", at: at)
                    } else {
                        descriptors[level] = text
                    }
                }
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
        var allowsNotApplicable = false
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
                } else if Checklist.isNotApplicable(tokenText) {
                    allowsNotApplicable = true
                } else {
                    engine.error("unknown-attribute", "unknown criterion attribute '\(tokenText)'", at: at,
                                 hint: Suggestions.didYouMean(tokenText, in: Criterion.Requirement.allCases.map(\.rawValue) + ["n/a"]) ?? "write {#id} at the end of the criterion")
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
                         allowsNotApplicable: allowsNotApplicable, descriptors: descriptors, location: location)
    }
}
