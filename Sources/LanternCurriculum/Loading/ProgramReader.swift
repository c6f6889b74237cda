import LanternDiagnostics

/// Reads `curriculum/program.yml`.
enum ProgramReader {
    static let keys = ["id", "title", "summary", "modules", "certificate", "assessments"]
    static let certificateKeys = ["requires", "valid_for", "renewal", "statement"]
    static let requiresKeys = ["quizzes", "checklists", "assessments", "practicum_hours"]
    static let renewalKeys = ["ce_hours", "ce_ethics_hours", "window"]

    /// The program and where each listed module id was written.
    static func read(_ root: YAMLNode, engine: DiagnosticsEngine) -> (Program, [(String, SourceLocation)])? {
        guard let reader = YAMLMappingReader(root, context: "program.yml", knownKeys: keys, engine: engine) else { return nil }
        let id = reader.string("id", required: true, example: "peer-support-worker") ?? ""
        if !id.isEmpty, let node = reader.value("id") { Slug.check(id, what: "program id", at: node.location, engine: engine) }
        let title = reader.string("title", required: true, example: "Peer Support Worker Certificate") ?? ""
        let summary = reader.string("summary")

        var listed: [(String, SourceLocation)] = []
        var seen: [String: SourceLocation] = [:]
        for (moduleID, location) in reader.stringList("modules", required: true, example: "[foundations, communication]") ?? [] {
            guard Slug.check(moduleID, what: "module", at: location, engine: engine) else { continue }
            if let first = seen[moduleID] {
                engine.error("duplicate-id", "module '\(moduleID)' is listed twice in the program", at: location,
                             hint: "it was first listed at line \(first.line); remove one of them")
                continue
            }
            seen[moduleID] = location
            listed.append((moduleID, location))
        }
        if reader.has("modules"), listed.isEmpty, !engine.hasErrors {
            engine.error("empty-program", "the program lists no modules", at: reader.location(of: "modules"),
                         hint: "list module ids in order, for example 'modules: [foundations]'")
        }

        let certificate = reader.mapping("certificate", context: "certificate", knownKeys: certificateKeys).map {
            readCertificate($0, engine: engine)
        }
        var program = Program(id: id, title: title, summary: summary, moduleIDs: listed.map(\.0), certificate: certificate)
        var assessmentSeen = Set<String>()
        for (assessmentID, location) in reader.stringList("assessments", example: "[final-exam]") ?? [] {
            guard Slug.check(assessmentID, what: "assessment", at: location, engine: engine) else { continue }
            guard assessmentSeen.insert(assessmentID).inserted else {
                engine.error("duplicate-id", "assessment '\(assessmentID)' is listed twice in the program", at: location, hint: "remove one of them")
                continue
            }
            program.assessmentIDs.append(assessmentID)
            program.assessmentLocations[assessmentID] = location
        }
        return (program, listed)
    }

    private static func readCertificate(_ reader: YAMLMappingReader, engine: DiagnosticsEngine) -> CertificateRules {
        var rules = CertificateRules(quizzes: .all, checklists: .all, practicumHours: 0)
        if let requires = reader.mapping("requires", context: "certificate requirements", knownKeys: requiresKeys) {
            rules.quizzes = selection(requires, "quizzes", engine: engine)
            rules.checklists = selection(requires, "checklists", engine: engine)
            rules.assessments = requires.has("assessments") ? selection(requires, "assessments", engine: engine) : .none
            rules.practicumHours = requires.int("practicum_hours", in: 0...10_000, example: "80") ?? 0
        }
        if let text = reader.string("valid_for"), let node = reader.value("valid_for") {
            if let period = Period(text) {
                rules.validFor = period
            } else {
                engine.error("invalid-value", "'valid_for' should be a length of time such as 2y, 24m or 730d, not '\(text)'",
                             at: node.location)
            }
        }
        if let renewal = reader.mapping("renewal", context: "renewal", knownKeys: renewalKeys) {
            rules.renewalCEHours = renewal.int("ce_hours", in: 0...10_000, example: "20")
            rules.renewalEthicsHours = renewal.int("ce_ethics_hours", in: 0...10_000, example: "6")
            if let text = renewal.string("window"), let node = renewal.value("window") {
                if let period = Period(text) {
                    rules.renewalWindow = period
                } else {
                    engine.error("invalid-value", "'window' should be a length of time such as 90d or 3m, not '\(text)'", at: node.location)
                }
            }
            if let total = rules.renewalCEHours, let ethics = rules.renewalEthicsHours, ethics > total,
               let node = renewal.value("ce_ethics_hours") {
                engine.error("invalid-value", "'ce_ethics_hours' (\(ethics)) cannot be more than 'ce_hours' (\(total))", at: node.location)
            }
        }
        rules.statement = reader.string("statement")
        return rules
    }

    private static func selection(_ reader: YAMLMappingReader, _ key: String, engine: DiagnosticsEngine) -> CertificateRules.Selection {
        guard let node = reader.value(key) else { return .all }
        if let word = node.scalar {
            switch word {
            case "all": return .all
            case "none": return .none
            default:
                engine.error("invalid-value", "'\(key)' should be all, none or a list of ids, not '\(word)'", at: node.location)
                return .all
            }
        }
        let ids = reader.stringList(key) ?? []
        for (id, location) in ids { Slug.check(id, what: "assessment", at: location, engine: engine) }
        return .only(ids.map(\.0))
    }
}
