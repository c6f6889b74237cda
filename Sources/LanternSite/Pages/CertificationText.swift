import LanternCurriculum

/// "How certification works", in sentences, from the program's certificate rules.
struct CertificationText {
    var requirements: [String] = []
    var validity: String?
    var renewal: String?
    var statement: String?

    init(rules: CertificateRules, workspace: Workspace) {
        func titles(_ ids: [String]) -> String {
            ids.map { id in workspace.assessment(id).flatMap(AssessmentTitle.title(of:)) ?? id }.joined(separator: ", ")
        }
        switch rules.quizzes {
        case .all: requirements.append("pass every module quiz")
        case .only(let ids) where !ids.isEmpty: requirements.append("pass these quizzes: \(titles(ids))")
        default: break
        }
        switch rules.checklists {
        case .all: requirements.append("be observed as competent in every practical skill checklist")
        case .only(let ids) where !ids.isEmpty: requirements.append("be observed as competent in: \(titles(ids))")
        default: break
        }
        if rules.practicumHours > 0 {
            requirements.append("complete \(rules.practicumHours) hours of supervised practicum")
        }
        if requirements.isEmpty { requirements.append("complete the modules of the program") }
        if let period = rules.validFor {
            validity = "A certificate is valid for \(Self.words(period)) from the day it is issued."
        }
        if let hours = rules.renewalCEHours, hours > 0 {
            var text = "To renew it, log \(hours) hours of continuing education in each cycle"
            if let ethics = rules.renewalEthicsHours, ethics > 0 { text += ", of which at least \(ethics) in ethics" }
            renewal = text + "."
        }
        statement = rules.statement
    }

    static func words(_ period: Period) -> String {
        let unit: String
        switch period.unit {
        case .days: unit = "day"
        case .weeks: unit = "week"
        case .months: unit = "month"
        case .years: unit = "year"
        }
        return "\(period.amount) \(unit)\(period.amount == 1 ? "" : "s")"
    }

    var context: TemplateValue {
        var context: TemplateValue = ["requirements": .strings(requirements)]
        if let validity { context["validity"] = .string(validity) }
        if let renewal { context["renewal"] = .string(renewal) }
        if let statement { context["statement"] = .string(statement) }
        return context
    }
}

/// An assessment's title from its front matter. Nothing else of an assessment is published:
/// no questions, options, answer keys or feedback.
enum AssessmentTitle {
    static func title(of source: AssessmentSource) -> String? {
        guard case .mapping(let pairs) = source.frontMatter.content else { return nil }
        return pairs.first { $0.key.scalar == "title" }?.value.scalar
    }
}
