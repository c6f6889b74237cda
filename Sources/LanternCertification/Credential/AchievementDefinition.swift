import LanternCurriculum

/// The achievement a certificate stands for: the program, its criteria, and its alignment to
/// the competency framework the program defines (its modules and their outcomes).
public struct AchievementDefinition: Sendable, Hashable {
    public struct Alignment: Sendable, Hashable {
        public var code: String
        public var name: String
        public var description: String?
        public var url: String
        public var framework: String

        public init(code: String, name: String, description: String?, url: String, framework: String) {
            self.code = code
            self.name = name
            self.description = description
            self.url = url
            self.framework = framework
        }
    }

    public var id: String
    public var name: String
    public var description: String
    public var criteria: String
    public var alignments: [Alignment]
    /// The badge image (an SVG the site publishes beside the achievement page).
    public var imageURL: String { (id.hasSuffix("/") ? id : id + "/") + "badge.svg" }

    public init(id: String, name: String, description: String, criteria: String, alignments: [Alignment]) {
        self.id = id
        self.name = name
        self.description = description
        self.criteria = criteria
        self.alignments = alignments
    }

    /// Built from the program, its certificate rules and its modules.
    public init(workspace: Workspace, issuer: IssuerIdentity) {
        let program = workspace.program
        let programID = program?.id ?? "program"
        let title = program?.title ?? "Certificate"
        id = issuer.achievementURL(programID)
        name = title
        description = program?.summary ?? title
        criteria = Self.criteriaNarrative(program?.certificate)
        let framework = "\(title) — competency framework"
        var alignments: [Alignment] = []
        for module in workspace.modules where program?.moduleIDs.contains(module.id) ?? true {
            let moduleURL = issuer.baseURL + "modules/\(module.id)/"
            alignments.append(Alignment(code: module.id, name: module.title, description: module.summary, url: moduleURL, framework: framework))
            for outcome in module.outcomes {
                alignments.append(Alignment(code: "\(module.id).\(outcome.id)", name: outcome.text, description: nil,
                                            url: moduleURL + "#outcome-\(outcome.id)", framework: framework))
            }
        }
        self.alignments = alignments
    }

    /// The criteria in words, from the rules.
    static func criteriaNarrative(_ rules: CertificateRules?) -> String {
        guard let rules else { return "Completion of the training program." }
        var parts: [String] = []
        switch rules.quizzes {
        case .all: parts.append("Passed every module quiz, answering every safety-critical question correctly.")
        case .only(let ids): parts.append("Passed the quizzes \(ids.joined(separator: ", ")), answering every safety-critical question correctly.")
        case .none: break
        }
        switch rules.checklists {
        case .all: parts.append("Observed competent in every skills checklist on the required number of occasions.")
        case .only(let ids): parts.append("Observed competent in the skills checklists \(ids.joined(separator: ", ")) on the required number of occasions.")
        case .none: break
        }
        if rules.practicumHours > 0 { parts.append("Completed \(rules.practicumHours) supervised practicum hours, signed off by a supervisor.") }
        if let statement = rules.statement { parts.append(statement) }
        return parts.joined(separator: " ")
    }

    /// An OB 3.0 `Image`: the badge with a caption for people who cannot see it.
    var imageJSON: JSONValue {
        .object(JSONObject([("id", .string(imageURL)), ("type", "Image"), ("caption", .string("Badge: \(name)"))]))
    }

    var json: JSONValue {
        var object = JSONObject([
            ("id", .string(id)),
            ("type", ["Achievement"]),
            ("achievementType", "Certificate"),
            ("name", .string(name)),
            ("description", .string(description)),
            ("criteria", ["narrative": .string(criteria)]),
            ("image", imageJSON),
        ])
        if !alignments.isEmpty {
            object["alignment"] = .array(alignments.map { alignment in
                var item = JSONObject([("type", ["Alignment"]), ("targetCode", .string(alignment.code)),
                                       ("targetName", .string(alignment.name))])
                if let description = alignment.description { item["targetDescription"] = .string(description) }
                item["targetFramework"] = .string(alignment.framework)
                item["targetType"] = "ext:LanternOutcome"
                item["targetUrl"] = .string(alignment.url)
                return .object(item)
            })
        }
        return .object(object)
    }
}
