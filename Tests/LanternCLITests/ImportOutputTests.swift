import Foundation
import LanternTestSupport
import Testing

@Suite("lantern import -o")
struct ImportOutputTests {
    @Test("-o assessments/NAME.md makes a quiz whose id is NAME, so lantern check accepts what was written")
    func outputNamesTheQuiz() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("bank.gift", "::Goals::Who sets the goals?{=The person ~The peer}\n")
        let imported = try LanternProcess.run(["import", "gift", "bank.gift", "-o", "assessments/goal-setting.md", "--module", "intro"], in: workspace.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try workspace.read("assessments/goal-setting.md").contains("id: goal-setting\n"))
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(!(check.stdout + check.stderr).contains("error:"), "\(check.stdout)\(check.stderr)")
        let mismatch = try LanternProcess.run(["import", "gift", "bank.gift", "-o", "assessments/other.md", "--id", "bank"], in: workspace.url)
        #expect(mismatch.status == 2)
        #expect(!workspace.exists("assessments/other.md"))
    }
}
