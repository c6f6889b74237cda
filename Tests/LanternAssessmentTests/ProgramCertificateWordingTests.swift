import Foundation
import LanternAssessment
import LanternCurriculum
import Testing

/// The certificate's wording (issue 19) says what it is (a program completion with observed
/// competencies) and what it is not, and its numbers are the program's own.
@Suite("Program certificate wording")
struct ProgramCertificateWordingTests {
    @Test("the statement names the modules, hours, final exam, observed skills and practicum, and what it is not")
    func statement() throws {
        let loaded = WorkspaceLoader().load(at: Fixture.repositoryRoot)
        let workspace = try #require(loaded.workspace)
        let rules = try #require(workspace.program?.certificate)
        let statement = try #require(rules.statement).replacingOccurrences(of: "\n", with: " ")
        let checklists = AssessmentCheck.check(at: Fixture.repositoryRoot).checklists.count
        let hours = workspace.modules.reduce(0) { $0 + $1.minutes } / 60
        for phrase in ["\(workspace.modules.count) modules", "about \(hours) hours of facilitated training", "final exam",
                       "each of its \(checklists) peer support skills", "\(rules.practicumHours) hours of supervised practicum",
                       "not a state or national peer certification, a license or a clinical qualification",
                       "bill Medicaid", "says nothing about the holder's health"] {
            #expect(statement.contains(phrase), "the statement lacks '\(phrase)'")
        }
        #expect(rules.assessments == .all)
    }
}
