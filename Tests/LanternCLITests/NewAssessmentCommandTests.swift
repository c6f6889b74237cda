import Foundation
import LanternTestSupport
import Testing

/// `lantern new quiz|checklist ID --module M` (issue 17: `lantern new` offered only `module`).
@Suite("new quiz and new checklist, end to end")
struct NewAssessmentCommandTests {
    @Test("templates that check clean, listed in their module or the program, never overwriting")
    func scaffold() throws {
        let folder = try TemporaryFolder()
        #expect(try LanternProcess.run(["init", "course"], in: folder.url).status == 0)
        let course = folder.url.appendingPathComponent("course")
        let quiz = try LanternProcess.run(["new", "quiz", "welcome-check", "--module", "welcome"], in: course)
        #expect(quiz.status == 0, "\(quiz.stderr)")
        #expect(quiz.stdout == "created assessments/welcome-check.md and listed 'welcome-check' in curriculum/welcome.md\n")
        let checklist = try LanternProcess.run(["new", "checklist", "greeting", "--module", "welcome", "--title", "Greeting a person"], in: course)
        #expect(checklist.status == 0, "\(checklist.stderr)")
        let exam = try LanternProcess.run(["new", "quiz", "final-exam", "--program"], in: course)
        #expect(exam.status == 0, "\(exam.stderr)")

        let module = try String(contentsOf: course.appendingPathComponent("curriculum/welcome.md"), encoding: .utf8)
        #expect(module.contains("assessments: [welcome-quiz, welcome-check, greeting]"))
        let program = try String(contentsOf: course.appendingPathComponent("curriculum/program.yml"), encoding: .utf8)
        #expect(program.contains("assessments: [final-exam]"))
        let template = try String(contentsOf: course.appendingPathComponent("assessments/greeting.md"), encoding: .utf8)
        #expect(template.contains("title: \"Greeting a person\""))
        #expect(template.contains("levels:") && template.contains("{#scenario-criterion n/a}"), "the template shows descriptors and n/a")

        // The templates are accepted as written: no error, and no warning about the new files.
        let check = try LanternProcess.run(["check"], in: course)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stderr.contains("assessments/"), "\(check.stderr)")

        // Never overwritten; nothing else changed.
        let before = try String(contentsOf: course.appendingPathComponent("assessments/welcome-check.md"), encoding: .utf8)
        let again = try LanternProcess.run(["new", "quiz", "welcome-check", "--module", "welcome"], in: course)
        #expect(again.status == 1)
        #expect(again.stderr.contains("assessments/welcome-check.md already exists; nothing was written"))
        #expect(try String(contentsOf: course.appendingPathComponent("assessments/welcome-check.md"), encoding: .utf8) == before)
        #expect(try String(contentsOf: course.appendingPathComponent("curriculum/welcome.md"), encoding: .utf8) == module)

        let unknown = try LanternProcess.run(["new", "checklist", "x", "--module", "nope"], in: course)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("there is no module 'nope'"))
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent("assessments/x.md").path))

        let neither = try LanternProcess.run(["new", "quiz", "y"], in: course)
        #expect(neither.status == 2, "a usage mistake")
    }
}
