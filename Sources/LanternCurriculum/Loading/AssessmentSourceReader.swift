import LanternDiagnostics

/// Reads the identity of an assessment file (id, kind, module). Its other keys and its body
/// belong to the assessment layer.
enum AssessmentSourceReader {
    static func read(_ source: SourceText, fileID: String, relativePath: String,
                     engine: DiagnosticsEngine) -> (AssessmentSource, moduleLocation: SourceLocation?)? {
        guard let (split, root) = FrontMatterSplit.parse(source, engine: engine) else { return nil }
        guard case .mapping(let pairs) = root.content else {
            engine.error("expected-mapping", "the front matter should be a set of 'key: value' lines",
                         at: root.isNull ? SourceLocation(path: source.displayPath) : root.location,
                         hint: "start with 'id: \(fileID)', 'kind: quiz' and 'module: …'")
            return nil
        }
        func value(_ key: String) -> YAMLNode? { pairs.first { $0.key.scalar == key }?.value }

        let fileStart = SourceLocation(path: source.displayPath)
        var id = fileID
        if let node = value("id"), let text = node.scalar {
            if Slug.check(text, what: "assessment id", at: node.location, engine: engine), text != fileID {
                engine.error("id-mismatch", "assessment id '\(text)' does not match its file name '\(fileID).md'", at: node.location,
                             hint: "rename the file to '\(text).md' or change the id to '\(fileID)'")
            }
            id = fileID
        } else {
            engine.error("missing-key", "the front matter is missing the required key 'id'", at: root.location,
                         hint: "add 'id: \(fileID)'")
        }
        var kind: AssessmentSource.Kind?
        if let node = value("kind") {
            kind = node.scalar.flatMap(AssessmentSource.Kind.init(rawValue:))
            if kind == nil {
                let written = node.scalar ?? node.kindDescription
                engine.error("invalid-value", "'kind' should be quiz or checklist, not '\(written)'", at: node.location,
                             hint: Suggestions.didYouMean(written, in: AssessmentSource.Kind.allCases.map(\.rawValue)))
            }
        } else {
            engine.error("missing-key", "the front matter is missing the required key 'kind'", at: root.location,
                         hint: "add 'kind: quiz' or 'kind: checklist'")
        }
        var moduleID: String?
        var moduleLocation: SourceLocation?
        var isProgramLevel = false
        var after: [String]?
        if let node = value("scope") {
            if node.scalar == "program" {
                isProgramLevel = true
            } else if node.scalar != "module" {
                engine.error("invalid-value", "'scope' should be program (or module), not '\(node.scalar ?? node.kindDescription)'", at: node.location,
                             hint: "a final exam says 'scope: program' and lists the modules it follows in 'after:'")
            }
        }
        if let node = value("after") {
            if !isProgramLevel {
                engine.error("invalid-value", "'after' is for program-level assessments ('scope: program')", at: node.location,
                             hint: "a module's assessment is offered with its module")
            } else if case .sequence(let items) = node.content {
                after = items.compactMap(\.scalar)
                for item in items where item.scalar == nil {
                    engine.error("wrong-type", "each entry of 'after' should be a module id", at: item.location)
                }
            } else if let text = node.scalar {
                after = text == "all" ? nil : [text]
            }
        }
        if isProgramLevel {
            if let node = value("module") {
                engine.error("invalid-value", "a program-level assessment ('scope: program') belongs to no module", at: node.location,
                             hint: "remove 'module:'; list the modules it follows in 'after:'")
            }
        } else if let node = value("module"), let text = node.scalar {
            moduleID = text
            moduleLocation = node.location
        } else {
            engine.error("missing-key", "the front matter is missing the required key 'module'", at: root.isNull ? fileStart : root.location,
                         hint: "add 'module: …' with the id of the module this assessment belongs to")
        }
        let assessment = AssessmentSource(id: id, kind: kind, moduleID: moduleID, isProgramLevel: isProgramLevel, after: after, relativePath: relativePath,
                                          displayPath: source.displayPath, frontMatter: root, body: split.body,
                                          bodyLineOffset: split.bodyLineOffset)
        return (assessment, moduleLocation)
    }
}
