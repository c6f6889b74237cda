import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

/// Evaluates a trainee's evidence against the program's certificate rules (pure: values in,
/// report out), with the assessment engine's own rules — the same ones `progress` shows:
/// a quiz's attempts are combined by its `grading:` rule (`QuizGrade.combine`) and must pass
/// (every safety-critical item right); a checklist must be Competent by `Checklist.evaluate`
/// (enough competent occasions by the methods it lists, and no critical criterion below the
/// pass level in the latest observation); practicum hours count only once signed off.
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
    /// The parsed checklists, by id: a required checklist missing here has errors and cannot be met.
    public var checklistDefinitions: [String: Checklist]
    /// The parsed quizzes (program-level ones too), by id.
    public var quizDefinitions: [String: Quiz]
    /// Each parsed quiz's settings, by id (its grading rule and pass mark).
    public var quizSettings: [String: QuizSettings] { quizDefinitions.mapValues(\.settings) }

    public init(rules: CertificateRules, quizzes: [Assessment], checklists: [Assessment],
                checklistDefinitions: [String: Checklist] = [:], quizDefinitions: [String: Quiz] = [:]) {
        self.rules = rules
        self.quizzes = quizzes
        self.checklists = checklists
        self.checklistDefinitions = checklistDefinitions
        self.quizDefinitions = quizDefinitions
    }

    /// The program's rules and the assessments they select from the workspace (those of the
    /// program's modules, in program order), parsed by the assessment engine.
    public init?(workspace: Workspace) {
        let (quizzes, checklists) = AssessmentCheck.parseAssessments(of: workspace, engine: DiagnosticsEngine())
        self.init(workspace: workspace, quizzes: quizzes, checklists: checklists)
    }

    /// As `init(workspace:)`, with quizzes and checklists already parsed.
    public init?(workspace: Workspace, quizzes parsedQuizzes: [Quiz], checklists parsedChecklists: [Checklist]) {
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
        let definitions = Dictionary(parsedChecklists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quizDefinitions = Dictionary(parsedQuizzes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var checklists = select(.checklist, rules.checklists)
        for index in checklists.indices {
            if let definition = definitions[checklists[index].id] { checklists[index].occasions = definition.occasions }
        }
        self.init(rules: rules, quizzes: select(.quiz, rules.quizzes) + finals, checklists: checklists,
                  checklistDefinitions: definitions, quizDefinitions: quizDefinitions)
    }

    /// A trainee's submitted attempts at a quiz (effective results: marks and regrades applied)
    /// as one outcome, by the engine's one evaluation (`QuizStanding.evaluate`: the quiz's
    /// `grading:` rule, pass mark and critical questions); nil when there are none or the quiz
    /// is not known.
    public func quizOutcome(_ quizID: String, attempts results: [AttemptResult]) -> TraineeEvidence.QuizOutcome? {
        guard let quiz = quizDefinitions[quizID] else { return nil }
        let standing = QuizStanding.evaluate(results, settings: quiz.settings)
        guard let grade = standing.grade else { return nil }
        return .init(attempts: standing.attemptsUsed, bestScore: min(1, max(0, grade.total.doubleValue)),
                     passed: standing.passed, rule: quiz.settings.combining)
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
                detail = "passed (\(Self.scoreName(outcome.rule)) \(Self.percent(outcome.bestScore)) in \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s"))"
            case let outcome?:
                detail = "not passed yet: \(Self.scoreName(outcome.rule)) \(Self.percent(outcome.bestScore)) in \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s") (a pass needs the pass mark and every safety-critical question right)"
            }
            items.append(.init(kind: .quiz, id: quiz.id, title: quiz.title, met: outcome?.passed == true, detail: detail))
        }
        for checklist in checklists {
            guard let definition = checklistDefinitions[checklist.id] else {
                items.append(.init(kind: .checklist, id: checklist.id, title: checklist.title, met: false,
                                   detail: "cannot be evaluated: the checklist has errors (run 'lantern check')"))
                continue
            }
            let outcome = definition.evaluate(evidence.observations)
            let met = outcome.status == .competent
            let detail = met
                ? "Competent on \(outcome.competentOccasions) occasion\(outcome.competentOccasions == 1 ? "" : "s")"
                : "not yet: " + outcome.gaps.map(\.message).joined(separator: "; ")
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

    /// The continuing-education entries a renewal for the cycle `[from, until]` counts: those
    /// completed inside it that no earlier renewal counted.
    public func renewalEntries(_ evidence: TraineeEvidence, cycleFrom from: String, until: String) -> [TraineeEvidence.CEEntry] {
        evidence.continuingEducation.filter { $0.usedBy == nil && $0.completedOn >= from && $0.completedOn <= until }
    }

    /// Continuing education for renewal: hours completed inside `[from, until]` (dates
    /// `yyyy-mm-dd`) and not counted by an earlier renewal, in total and in ethics.
    public func evaluateRenewal(_ evidence: TraineeEvidence, cycleFrom from: String, until: String) -> RequirementsReport {
        let inCycle = renewalEntries(evidence, cycleFrom: from, until: until)
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

    static func scoreName(_ rule: QuizSettings.Combining) -> String {
        switch rule {
        case .highest: "best score"
        case .average: "average score"
        case .first: "first attempt's score"
        case .last: "latest attempt's score"
        }
    }

    static func percent(_ score: Double) -> String { Wording.percent(score) }

    static func hours(_ value: Double) -> String { Wording.hours(value) }
}
