import Foundation
import LanternDiagnostics
import LanternCurriculum

/// Evaluates a trainee's evidence against the program's certificate rules (pure: values in,
/// report out). Quizzes must be passed (every safety-critical item right); checklists must be
/// Competent by the assessment engine's evaluation (`TraineeEvidence.checklists`); practicum
/// hours count only once a supervisor has signed them off.
public struct RequirementsEvaluator: Sendable {
    public struct Assessment: Sendable, Hashable {
        public var id: String
        public var title: String
        /// For checklists: how many separate occasions must be Competent.
        public var occasions: Int
    }

    public var rules: CertificateRules
    public var quizzes: [Assessment]
    public var checklists: [Assessment]

    public init(rules: CertificateRules, quizzes: [Assessment], checklists: [Assessment]) {
        self.rules = rules
        self.quizzes = quizzes
        self.checklists = checklists
    }

    /// The program's rules and the assessments they select from the workspace (those of the
    /// program's modules, in program order).
    public init?(workspace: Workspace) {
        guard let program = workspace.program, let rules = program.certificate else { return nil }
        let moduleOrder = Dictionary(program.moduleIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let inProgram = workspace.assessments
            .filter { source in source.moduleID.map { moduleOrder[$0] != nil } ?? false }
            .sorted { (moduleOrder[$0.moduleID ?? ""] ?? 0, $0.id) < (moduleOrder[$1.moduleID ?? ""] ?? 0, $1.id) }
        func select(_ kind: AssessmentSource.Kind, _ selection: CertificateRules.Selection) -> [Assessment] {
            let all = inProgram.filter { $0.kind == kind }
            let chosen: [AssessmentSource]
            switch selection {
            case .all: chosen = all
            case .none: chosen = []
            case .only(let ids): chosen = ids.compactMap { id in workspace.assessment(id) }
            }
            return chosen.map { source in
                Assessment(id: source.id, title: Self.frontMatterString(source, "title") ?? source.id,
                           occasions: Int(Self.frontMatterString(source, "occasions") ?? "") ?? 1)
            }
        }
        // Program-level assessments (a final exam) the certificate requires, passed like a quiz.
        let programLevel: [String]
        switch rules.assessments {
        case .all: programLevel = program.assessmentIDs
        case .none: programLevel = []
        case .only(let ids): programLevel = ids
        }
        let finals = programLevel.compactMap { workspace.assessment($0) }.filter { $0.kind == .quiz }.map { source in
            Assessment(id: source.id, title: Self.frontMatterString(source, "title") ?? source.id, occasions: 1)
        }
        self.init(rules: rules, quizzes: select(.quiz, rules.quizzes) + finals, checklists: select(.checklist, rules.checklists))
    }

    static func frontMatterString(_ source: AssessmentSource, _ key: String) -> String? {
        guard case .mapping(let pairs) = source.frontMatter.content else { return nil }
        return pairs.first { $0.key.scalar == key }?.value.scalar
    }

    public func evaluate(_ evidence: TraineeEvidence) -> RequirementsReport {
        var items: [RequirementsReport.Item] = []
        for quiz in quizzes {
            let outcome = evidence.quizzes[quiz.id]
            let detail: String
            switch outcome {
            case nil: detail = "not attempted"
            case let outcome? where outcome.passed:
                detail = "passed (\(Self.gradeText(outcome)) in \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s"))"
            case let outcome?:
                detail = "not passed yet: \(Self.gradeText(outcome)) in \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s") (a pass needs the pass mark and every safety-critical question right)"
            }
            items.append(.init(kind: .quiz, id: quiz.id, title: quiz.title, met: outcome?.passed == true, detail: detail))
        }
        for checklist in checklists {
            let outcome = evidence.checklists[checklist.id]
            let met = outcome?.status == .competent
            let occasions = outcome?.competentOccasions ?? 0
            let needed = outcome?.occasionsNeeded ?? checklist.occasions
            let observed = outcome?.countedObservations.count ?? 0
            var detail = met
                ? "Competent on \(occasions) occasion\(occasions == 1 ? "" : "s")"
                : "Competent on \(min(occasions, needed)) of \(needed) occasions needed (\(observed) observation\(observed == 1 ? "" : "s") counted)"
            // What else stands in the way (a critical criterion below the pass level or n/a).
            let blocking = (outcome?.gaps ?? []).filter { $0.criterionID != nil && $0.message.hasPrefix("critical") }
            if !met, !blocking.isEmpty { detail += "; " + blocking.map(\.message).joined(separator: "; ") }
            items.append(.init(kind: .checklist, id: checklist.id, title: checklist.title, met: met, detail: detail))
        }
        if rules.practicumHours > 0 {
            let signed = evidence.practicumHoursSignedOff
            let met = signed + 1e-9 >= Double(rules.practicumHours)
            var detail = "\(Self.hours(signed)) of \(rules.practicumHours) hours signed off"
            if !met { detail += "; \(Self.hours(Double(rules.practicumHours) - signed)) more needed" }
            if evidence.practicumHoursAwaitingSignOff > 0 { detail += " (\(Self.hours(evidence.practicumHoursAwaitingSignOff)) awaiting a supervisor's sign-off)" }
            items.append(.init(kind: .practicum, id: "practicum", title: "Supervised practicum", met: met, detail: detail))
        }
        return RequirementsReport(items: items)
    }

    /// Continuing education for renewal: hours completed inside `[from, until]` (dates
    /// `yyyy-mm-dd`), in total and in ethics.
    public func evaluateRenewal(_ evidence: TraineeEvidence, cycleFrom from: String, until: String) -> RequirementsReport {
        let inCycle = evidence.continuingEducation.filter { $0.completedOn >= from && $0.completedOn <= until }
        var items: [RequirementsReport.Item] = []
        let total = inCycle.reduce(0) { $0 + $1.hours }
        let needed = Double(rules.renewalCEHours ?? 0)
        items.append(.init(kind: .continuingEducation, id: "ce", title: "Continuing education \(from) to \(until)",
                           met: total + 1e-9 >= needed,
                           detail: "\(Self.hours(total)) of \(Self.hours(needed)) hours" + (total + 1e-9 >= needed ? "" : "; \(Self.hours(needed - total)) more needed")))
        if let ethics = rules.renewalEthicsHours, ethics > 0 {
            let done = inCycle.filter { $0.category.lowercased() == "ethics" }.reduce(0) { $0 + $1.hours }
            items.append(.init(kind: .continuingEducation, id: "ce-ethics", title: "of which ethics", met: done + 1e-9 >= Double(ethics),
                               detail: "\(Self.hours(done)) of \(ethics) hours" + (done + 1e-9 >= Double(ethics) ? "" : "; \(Self.hours(Double(ethics) - done)) more needed")))
        }
        return RequirementsReport(items: items)
    }

    static func percent(_ score: Double) -> String { Wording.percent(score) }

    /// "best score 90%", or "grade 85% (average)" when the quiz's rule is not its best attempt.
    static func gradeText(_ outcome: TraineeEvidence.QuizOutcome) -> String {
        switch outcome.grading {
        case nil, "highest"?: "best score \(percent(outcome.bestScore))"
        case let rule?: "grade \(percent(outcome.bestScore)) (\(rule) attempt\(rule == "average" ? "s" : ""))"
        }
    }

    static func hours(_ value: Double) -> String { Wording.hours(value) }
}
