import Foundation
import LanternTestSupport
import Testing

@Suite("init, new module and read, end to end")
struct AuthoringCommandTests {
    @Test("init makes a workspace that checks clean; new module keeps it clean")
    func initAndNew() throws {
        let folder = try TemporaryFolder()
        let created = try LanternProcess.run(["init", "course"], in: folder.url)
        #expect(created.status == 0, "\(created.stderr)")
        let course = folder.url.appendingPathComponent("course")
        #expect(try LanternProcess.run(["check"], in: course).status == 0)

        let added = try LanternProcess.run(["new", "module", "safety-planning", "--title", "Safety planning"], in: course)
        #expect(added.status == 0, "\(added.stderr)")
        let program = try String(contentsOf: course.appendingPathComponent("curriculum/program.yml"), encoding: .utf8)
        #expect(program.contains("modules: [welcome, safety-planning]"))
        let check = try LanternProcess.run(["check"], in: course)
        #expect(check.status == 0, "\(check.stderr)")

        let again = try LanternProcess.run(["new", "module", "safety-planning"], in: course)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; nothing was written"))
        #expect(try String(contentsOf: course.appendingPathComponent("curriculum/program.yml"), encoding: .utf8) == program)

        let second = try LanternProcess.run(["init", "course"], in: folder.url)
        #expect(second.status == 1)
        #expect(second.stderr.contains("lantern.yml already exists here"))
    }

    @Test("read prints a module wrapped to the width, without colour when piped")
    func read() throws {
        let workspace = try SampleWorkspace.create()
        let result = try LanternProcess.run(["read", "listening", "--width", "30"], in: workspace.url, environment: ["NO_COLOR": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("Open questions\n--------------"))
        #expect(result.stdout.contains("Ask what and how questions."))
        for line in result.stdout.split(separator: "\n") {
            #expect(line.count <= 30, "\(line)")
        }
    }

    @Test("read --html gives safe HTML with heading ids")
    func readHTML() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/intro.md", "---\nid: intro\ntitle: T\nsummary: s\nminutes: 3\noutcomes: [a]\nassessments: [intro-quiz]\n---\n# Hi\n\n<script>x</script>\n")
        let result = try LanternProcess.run(["read", "intro", "--html"], in: workspace.url)
        #expect(result.status == 0)
        #expect(result.stdout == "<h1 id=\"hi\">Hi</h1>\n<!-- raw HTML omitted -->\n")
    }

    @Test("read of an unknown module suggests the right one")
    func readUnknown() throws {
        let workspace = try SampleWorkspace.create()
        let result = try LanternProcess.run(["read", "listenin"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: there is no module 'listenin' in this workspace"))
        #expect(result.stderr.contains("did you mean 'listening'?"))
    }

    @Test("read of a crisis module opens with where to get help")
    func crisisNotice() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/intro.md", "---\nid: intro\ntitle: T\nsummary: s\nminutes: 3\noutcomes: [a]\nassessments: [intro-quiz]\ncrisis: true\n---\n# Hi\n")
        let result = try LanternProcess.run(["read", "intro", "--width", "200"], in: workspace.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("call your local emergency number now"))
        #expect(result.stdout.contains("988 Suicide & Crisis Lifeline: Call or text 988 (24/7)"))
    }
}
