import Foundation
import LanternTestSupport
import Testing

@Suite("front-matter mistakes in a quiz")
struct FrontMatterErrorTests {
    @Test("a front-matter mistake gives exactly one error, at the right line, and no false 'does not exist'", arguments: [
        ("pass: 80%\n", "pass: 80%\npass: 70%\n", "assessments/intro-quiz.md:7:1: error: duplicate key 'pass' (first at line 6)"),
        ("title: Introduction quiz\n", "title: [oops\n", "assessments/intro-quiz.md:5:8: error: YAML syntax error"),
    ])
    func oneError(original: String, replacement: String, expected: String) throws {
        let workspace = try SampleWorkspace.create()
        let text = try workspace.read("assessments/intro-quiz.md")
        try workspace.write("assessments/intro-quiz.md", text.replacingOccurrences(of: original, with: replacement))
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 1)
        let errors = (check.stdout + check.stderr).split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(expected) == true, "\(errors)")
    }
}
