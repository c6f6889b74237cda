import Foundation
import LanternTestSupport
import Testing

/// A program-level assessment (`scope: program`): listed in program.yml, checked, required by
/// the certificate rules.
@Suite("program-level assessments")
struct ProgramAssessmentTests {
    static let finalExam = """
    ---
    id: final-exam
    kind: quiz
    scope: program
    after: [intro, listening]
    title: Final exam
    pass: 80%
    ---

    ## Who sets the goals in peer support? {#goals critical}

    - [x] The person receiving support.
    - [ ] The peer worker.

    """

    func workspace(program: String, exam: String = finalExam) throws -> TemporaryFolder {
        let workspace = try SampleWorkspace.create()
        let text = try workspace.read("curriculum/program.yml")
        try workspace.write("curriculum/program.yml", text.replacingOccurrences(of: "modules: [intro, listening]\n", with: "modules: [intro, listening]\n\(program)")
            .replacingOccurrences(of: "    checklists: all\n", with: "    checklists: all\n    assessments: all\n"))
        try workspace.write("assessments/final-exam.md", exam)
        return workspace
    }

    @Test("a final exam listed under assessments: checks clean, and the certificate requires it")
    func checkedAndRequired() throws {
        let workspace = try workspace(program: "assessments: [final-exam]\n")
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let warnings = (check.stdout + check.stderr).split(separator: "\n").filter { $0.contains("warning:") && !$0.hasPrefix("lantern.yml") }
        #expect(warnings.isEmpty, "\(warnings)")
        let fixture = try RecordsFixture()
        let status = try fixture.run(["cert", "status", fixture.traineeID, "-C", workspace.path])
        #expect(status.stdout.contains("final-exam") || status.stdout.contains("Final exam"), "\(status.stdout)\(status.stderr)")
    }

    @Test("mistakes in program-level assessments are errors at their place", arguments: [
        ("assessments: [final-exam, mid-exam]\n", finalExam, "curriculum/program.yml:4:27: error: the program lists assessment 'mid-exam'"),
        ("assessments: [final-exam]\n", finalExam.replacingOccurrences(of: "after: [intro, listening]", with: "after: [intro, listnening]"),
         "assessments/final-exam.md:5:16: error: 'after' names module 'listnening', which is not in the program"),
        ("assessments: [final-exam]\n", finalExam.replacingOccurrences(of: "scope: program\n", with: "scope: program\nmodule: intro\n"),
         "assessments/final-exam.md:5:9: error: a program-level assessment ('scope: program') belongs to no module"),
    ])
    func mistakes(program: String, exam: String, expected: String) throws {
        let workspace = try workspace(program: program, exam: exam)
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 1)
        #expect((check.stdout + check.stderr).contains(expected), "\(check.stdout)\(check.stderr)")
    }
}
