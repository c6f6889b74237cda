import Foundation
import LanternAssessment
import LanternCertification
import LanternCurriculum
import LanternTestSupport
import Testing

@Suite struct RequirementsTests {
    private func evaluator(changing file: String? = nil, _ change: (String) -> String = { $0 }) throws -> RequirementsEvaluator {
        let folder = try TemporaryFolder()
        for (path, text) in SampleWorkspace.files { _ = try folder.write(path, path == file ? change(text) : text) }
        let workspace = try #require(WorkspaceLoader().load(at: folder.url).workspace)
        return try #require(RequirementsEvaluator(workspace: workspace))
    }

    @Test func selectsTheProgramsAssessments() throws {
        let evaluator = try evaluator()
        #expect(evaluator.quizzes.map(\.id) == ["intro-quiz"])
        #expect(evaluator.checklists.map(\.id) == ["listening-skills"])
        #expect(evaluator.checklists.first?.occasions == 2)
        #expect(evaluator.rules.practicumHours == 10)
    }

    @Test func saysExactlyWhatIsMissing() throws {
        let evaluator = try evaluator()
        let nothing = evaluator.evaluate(TraineeEvidence())
        #expect(!nothing.isMet)
        #expect(nothing.missing.map(\.id) == ["intro-quiz", "listening-skills", "practicum"])
        #expect(nothing.items[0].detail == "not attempted")

        let partial = evaluator.evaluate(TraineeEvidence(
            quizzes: ["intro-quiz": .init(attempts: 2, bestScore: 0.9, passed: false)],
            observations: [Self.observed("o1", "2026-01-02"), Self.observed("o2", "2026-01-02"),
                           Self.observed("o3", "2026-01-09", confidentiality: "with-prompting")],
            practicumHoursSignedOff: 6, practicumHoursAwaitingSignOff: 3))
        #expect(partial.missing.map(\.id) == ["intro-quiz", "listening-skills", "practicum"])
        #expect(partial.items[0].detail.contains("safety-critical"))
        #expect(partial.items[1].detail.contains("1 of 2 competent occasions"), "two observations on one day are one occasion: \(partial.items[1].detail)")
        #expect(partial.items[2].detail == "6 of 10 hours signed off; 4 more needed (3 awaiting a supervisor's sign-off)")

        let done = evaluator.evaluate(TraineeEvidence(
            quizzes: ["intro-quiz": .init(attempts: 1, bestScore: 1, passed: true)],
            observations: [Self.observed("o1", "2026-01-02"), Self.observed("o2", "2026-01-09")],
            practicumHoursSignedOff: 10))
        #expect(done.isMet, "\(done.text)")
    }

    /// An observation of the sample checklist, every criterion competent unless said otherwise.
    static func observed(_ id: String, _ day: String, method: String = "role-play", confidentiality: String = "competent") -> Observation {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        return Observation(id: id, checklistID: "listening-skills", traineeID: "t-1", assessorID: "sam", date: date, method: method,
                           ratings: ["confidentiality": confidentiality, "open-questions": "competent"])
    }

    /// Issue 20.2: the certificate uses the engine's checklist rules, as `progress` does.
    @Test func aFailedCriticalCriterionInTheLatestObservationBlocks() throws {
        let evaluator = try evaluator()
        let report = evaluator.evaluate(TraineeEvidence(
            quizzes: ["intro-quiz": .init(attempts: 1, bestScore: 1, passed: true)],
            observations: [Self.observed("o1", "2026-01-02"), Self.observed("o2", "2026-01-09"),
                           Self.observed("o3", "2026-01-16", confidentiality: "not-yet")],
            practicumHoursSignedOff: 10))
        #expect(report.missing.map(\.id) == ["listening-skills"])
        #expect(report.missing.first?.detail.contains("critical criterion 'confidentiality'") == true)
    }

    @Test func observationsByMethodsTheChecklistNoLongerListsDoNotCount() throws {
        let evaluator = try evaluator()
        let report = evaluator.evaluate(TraineeEvidence(
            quizzes: ["intro-quiz": .init(attempts: 1, bestScore: 1, passed: true)],
            observations: [Self.observed("o1", "2026-01-02", method: "workplace"), Self.observed("o2", "2026-01-09", method: "workplace")],
            practicumHoursSignedOff: 10))
        #expect(report.missing.map(\.id) == ["listening-skills"])
    }

    @Test func theQuizGradingRuleDecides() throws {
        let evaluator = try evaluator(changing: "assessments/intro-quiz.md") { $0.replacingOccurrences(of: "pass: 80%", with: "pass: 80%\ngrading: last") }
        #expect(evaluator.quizSettings["intro-quiz"]?.combining == .last)
        let passThenFail = try [true, false].enumerated().map { index, passed in
            try AssessmentJSON.decode(AttemptResult.self, from: CertificateLifecycleTests.resultJSON(
                quizID: "intro-quiz", passed: passed, total: passed ? "1" : "0", attemptNumber: index + 1))
        }
        let outcome = try #require(evaluator.quizOutcome("intro-quiz", attempts: passThenFail))
        #expect(!outcome.passed, "grading: last counts the latest attempt, which failed")
        let highest = try self.evaluator()
        #expect(highest.quizOutcome("intro-quiz", attempts: passThenFail)?.passed == true)
    }

    @Test func renewalCountsHoursInsideTheCycleAndEthics() throws {
        let evaluator = try evaluator()
        let entries: [TraineeEvidence.CEEntry] = [
            .init(completedOn: "2025-12-31", hours: 10, category: "general"),   // before the cycle
            .init(completedOn: "2026-02-01", hours: 12, category: "general"),
            .init(completedOn: "2026-06-01", hours: 4, category: "ethics"),
        ]
        let short = evaluator.evaluateRenewal(TraineeEvidence(continuingEducation: entries), cycleFrom: "2026-01-01", until: "2027-12-31")
        #expect(short.missing.map(\.id) == ["ce", "ce-ethics"])
        #expect(short.items[0].detail == "16 of 20 hours; 4 more needed")
        #expect(short.items[1].detail == "4 of 6 hours; 2 more needed")
        let enough = evaluator.evaluateRenewal(TraineeEvidence(continuingEducation: entries + [.init(completedOn: "2027-01-01", hours: 4, category: "Ethics")]),
                                               cycleFrom: "2026-01-01", until: "2027-12-31")
        #expect(enough.isMet)
        let usedBefore = entries.map { entry in
            TraineeEvidence.CEEntry(completedOn: entry.completedOn, hours: entry.hours, category: entry.category, usedBy: "2026-earlier")
        } + [.init(completedOn: "2027-01-01", hours: 4, category: "Ethics")]
        #expect(evaluator.evaluateRenewal(TraineeEvidence(continuingEducation: usedBefore), cycleFrom: "2026-01-01", until: "2027-12-31")
            .items[0].detail == "4 of 20 hours; 16 more needed", "hours an earlier renewal counted do not count again")
    }
}
