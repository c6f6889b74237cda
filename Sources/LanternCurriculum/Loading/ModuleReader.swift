import LanternDiagnostics
import LanternMarkdown

/// A module as read from its file, with the places of every reference for cross-checks.
struct ParsedModule: Sendable {
    var module: Module
    /// Module id from the file name (what links and the program refer to).
    var fileID: String
    var idLocation: SourceLocation
    var requires: [(String, SourceLocation)]
    var assessments: [(String, SourceLocation)]
    /// Heading anchors, as the site will generate them, sorted (searched by `LinkChecker`).
    var anchors: [String]
    /// Links and images to other modules and files, for the checks between modules (the
    /// tree itself is not kept; links settled within the module are not kept either).
    var links: [ModuleLinkReference]
}

/// Reads one module file: front matter keys and the Markdown body.
enum ModuleReader {
    static let keys = ["id", "title", "summary", "minutes", "outcomes", "requires", "assessments", "tags", "crisis"]

    static func read(_ source: SourceText, fileID: String, relativePath: String, engine: DiagnosticsEngine) -> ParsedModule? {
        guard let (split, root) = FrontMatterSplit.parse(source, engine: engine) else { return nil }
        let fileStart = SourceLocation(path: source.displayPath)
        guard let reader = YAMLMappingReader(root.isNull ? YAMLNode(.scalar("", isNull: true), at: fileStart) : root,
                                             context: "module front matter", knownKeys: keys, engine: engine) else { return nil }

        let id = reader.string("id", required: true, example: fileID) ?? fileID
        let idLocation = reader.value("id")?.location ?? reader.node.location
        if reader.has("id"), Slug.check(id, what: "module id", at: idLocation, engine: engine), id != fileID {
            engine.error("id-mismatch", "module id '\(id)' does not match its file name '\(fileID).md'", at: idLocation,
                         hint: "rename the file to '\(id).md' or change the id to '\(fileID)'")
        }
        let title = reader.string("title", required: true, example: "A Clear Module Title") ?? ""
        let summary = reader.string("summary", required: true, example: "One sentence on what the module is about.") ?? ""
        let minutes = reader.int("minutes", required: true, in: 1...100_000, example: "120") ?? 0
        let outcomes = readOutcomes(reader, engine: engine)
        let requires = (reader.stringList("requires") ?? []).filter { Slug.check($0.0, what: "required module", at: $0.1, engine: engine) }
        for (required, location) in requires where required == fileID {
            engine.error("prerequisite-cycle", "module '\(fileID)' requires itself", at: location)
        }
        let assessments = (reader.stringList("assessments") ?? []).filter { Slug.check($0.0, what: "assessment", at: $0.1, engine: engine) }
        var seenAssessments: Set<String> = []
        for (assessment, location) in assessments where !seenAssessments.insert(assessment).inserted {
            engine.error("duplicate-id", "assessment '\(assessment)' is listed twice", at: location)
        }
        let tags = (reader.stringList("tags") ?? []).filter { Slug.check($0.0, what: "tag", at: $0.1, engine: engine) }.map(\.0)
        let crisis = reader.bool("crisis") ?? false

        // libcmark's tree lives only for this walk; what other checks need is kept as facts.
        let facts = ModuleContentChecks.check(CmarkDocument(parsing: split.body, lineOffset: split.bodyLineOffset),
                                              path: source.displayPath, engine: engine)

        let module = Module(id: fileID, title: title, summary: summary, minutes: minutes, outcomes: outcomes,
                            requires: requires.map(\.0), assessments: assessments.map(\.0), tags: tags,
                            isCrisisRelated: crisis, relativePath: relativePath, displayPath: source.displayPath,
                            bodyText: split.body, bodyLineOffset: split.bodyLineOffset)
        let crossModuleLinks = LinkChecker.checkWithinModule(facts.links, anchors: facts.anchors, path: source.displayPath, engine: engine)
        return ParsedModule(module: module, fileID: fileID, idLocation: idLocation, requires: requires,
                            assessments: assessments, anchors: facts.anchors.sorted(), links: crossModuleLinks)
    }

    private static func readOutcomes(_ reader: YAMLMappingReader, engine: DiagnosticsEngine) -> [Module.Outcome] {
        guard let items = reader.sequence("outcomes", required: true) else { return [] }
        if items.isEmpty {
            engine.error("missing-key", "'outcomes' lists nothing", at: reader.location(of: "outcomes"),
                         hint: "list what a learner can do after the module, as '- id: lo1' and 'text: …'")
        }
        var outcomes: [Module.Outcome] = []
        var seen: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            var outcome: Module.Outcome?
            var location = item.location
            if let text = item.scalar {
                outcome = Module.Outcome(id: "lo\(index + 1)", text: text)
            } else if let entry = YAMLMappingReader(item, context: "outcome", knownKeys: ["id", "text"], engine: engine) {
                let id = entry.string("id", required: true, example: "lo\(index + 1)")
                let text = entry.string("text", required: true, example: "Use open questions to …")
                if let id, let idNode = entry.value("id") {
                    location = idNode.location
                    if Slug.check(id, what: "outcome id", at: location, engine: engine), let text {
                        outcome = Module.Outcome(id: id, text: text)
                    }
                }
            }
            guard let outcome else { continue }
            if let first = seen[outcome.id] {
                engine.error("duplicate-id", "outcome id '\(outcome.id)' is used twice in this module", at: location,
                             hint: "it was first used at line \(first.line); give each outcome its own id")
                continue
            }
            seen[outcome.id] = location
            outcomes.append(outcome)
        }
        return outcomes
    }
}
