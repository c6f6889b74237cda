import Foundation
import LanternAssessment
import LanternCertification
import LanternCurriculum
import LanternTestSupport
import Testing

@Suite struct RequirementsTests {
    private func evaluator() throws -> RequirementsEvaluator {
        let folder = try TemporaryFolder()
        for (path, text) in SampleWorkspace.files { _ = try folder.write(path, text) }
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
            checklists: ["listening-skills": ChecklistOutcome(status: .notYet, competentOccasions: 1, occasionsNeeded: 2,
                                                              countedObservations: ["o1", "o2", "o3"],
                                                              gaps: [.init(criterionID: "open", message: "critical criterion 'open' was rated n/a in the latest observation")])],
            practicumHoursSignedOff: 6, practicumHoursAwaitingSignOff: 3))
        #expect(partial.missing.map(\.id) == ["intro-quiz", "listening-skills", "practicum"])
        #expect(partial.items[0].detail.contains("safety-critical"))
        #expect(partial.items[1].detail == "Competent on 1 of 2 occasions needed (3 observations counted); critical criterion 'open' was rated n/a in the latest observation",
                "the engine's outcome, with what blocks it")
        #expect(partial.items[2].detail == "6 of 10 hours signed off; 4 more needed (3 awaiting a supervisor's sign-off)")

        let done = evaluator.evaluate(TraineeEvidence(
            quizzes: ["intro-quiz": .init(attempts: 1, bestScore: 1, passed: true)],
            checklists: ["listening-skills": ChecklistOutcome(status: .competent, competentOccasions: 2, occasionsNeeded: 2,
                                                              countedObservations: ["o1", "o2"], gaps: [])],
            practicumHoursSignedOff: 10))
        #expect(done.isMet, "\(done.text)")
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
    }
}
