import Foundation
import LanternTestSupport
import Testing

@Suite("lantern check, end to end")
struct CheckCommandTests {
    /// The only warnings are the two placeholder addresses (example.org) in lantern.yml.
    static func onlyPlaceholderWarnings(_ stderr: String) -> Bool {
        let lines = stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        return lines.count == 2 && lines.allSatisfy { $0.contains("is a placeholder address") }
            && lines.contains { $0.contains("'site.base_url'") } && lines.contains { $0.contains("'organisation.url'") }
    }

    @Test("the sample workspace is clean but for its placeholder addresses")
    func sampleIsClean() throws {
        let workspace = try SampleWorkspace.create()
        let result = try LanternProcess.run(["check", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.onlyPlaceholderWarnings(result.stderr), "\(result.stderr)")
        #expect(result.stdout.contains("checked 2 modules and 2 assessments"))
        #expect(result.stdout.contains("0 errors, 2 warnings"))
    }

    @Test("the shipped program checks clean, warning only that its example addresses are placeholders")
    func shippedProgram() throws {
        let root = RepositoryPaths.packageRoot()
        let result = try LanternProcess.run(["check"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        // Every module file on disk is one the program lists and `check` reads.
        let moduleFiles = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("curriculum").path)
            .filter { $0.hasSuffix(".md") }
        #expect(result.stdout.contains("checked \(moduleFiles.count) modules"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("0 errors, 2 warnings\n"), "\(result.stdout)")
        #expect(Self.onlyPlaceholderWarnings(result.stderr), "\(result.stderr)")
    }

    /// Issue 16: `init` planted example.org and `check` said nothing; `cert issue` signed it.
    @Test("placeholder addresses: check warns, init says so, cert issue refuses without --allow-placeholder")
    func placeholders() throws {
        let folder = try TemporaryFolder()
        let created = try LanternProcess.run(["init", "course"], in: folder.url)
        #expect(created.status == 0)
        #expect(created.stdout.contains("placeholders (example.org)"), "\(created.stdout)")
        let checked = try LanternProcess.run(["check", "course"], in: folder.url)
        #expect(checked.stderr.contains("warning: 'site.base_url' is a placeholder address"), "\(checked.stderr)")
        // A real address: no warning.
        let yml = folder.url.appendingPathComponent("course/lantern.yml")
        let text = try String(contentsOf: yml, encoding: .utf8)
            .replacingOccurrences(of: "https://training.example.org/", with: "https://training.peer-collective.net/")
            .replacingOccurrences(of: "https://example.org/", with: "https://peer-collective.net/")
        try text.write(to: yml, atomically: true, encoding: .utf8)
        let clean = try LanternProcess.run(["check", "course"], in: folder.url)
        #expect(!clean.stderr.contains("placeholder"), "\(clean.stderr)")
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var contents: String
        /// The exact first line printed for the problem, with the workspace folder shown as `WS`.
        var line: String
        var status: Int32 = 1
        var testDescription: String { name }
    }

    static let brokenWorkspaces: [Broken] = [
        Broken(name: "unknown key", file: "curriculum/intro.md",
               contents: "---\nid: intro\ntitel: T\nsummary: s\nminutes: 3\noutcomes: [a]\nassessments: [intro-quiz]\n---\n",
               line: "WS/curriculum/intro.md:3:1: error: unknown key 'titel' in module front matter"),
        Broken(name: "module missing from disk", file: "curriculum/program.yml",
               contents: "id: p\ntitle: P\nmodules:\n  - intro\n  - listening\n  - safety\n",
               line: "WS/curriculum/program.yml:6:5: error: module 'safety' is listed in the program but WS/curriculum/safety.md does not exist"),
        Broken(name: "prerequisite cycle", file: "curriculum/intro.md",
               contents: "---\nid: intro\ntitle: T\nsummary: s\nminutes: 3\noutcomes: [a]\nrequires: [listening]\nassessments: [intro-quiz]\n---\n",
               line: "WS/curriculum/intro.md:7:12: error: prerequisite cycle: intro → listening → intro"),
        Broken(name: "broken link", file: "curriculum/intro.md",
               contents: "---\nid: intro\ntitle: T\nsummary: s\nminutes: 3\noutcomes: [a]\nassessments: [intro-quiz]\n---\n\nRead [this](crisis.md).\n",
               line: "WS/curriculum/intro.md:10:6: error: link to module 'crisis.md', which does not exist"),
        Broken(name: "binary file", file: "curriculum/intro.md",
               contents: "---\nid: intro\u{0}\n",
               line: "WS/curriculum/intro.md:2:10: error: this looks like a binary file, not text (a NUL byte)"),
        Broken(name: "unsafe id", file: "curriculum/program.yml",
               contents: "id: p\ntitle: P\nmodules: [intro, listening, ../etc]\n",
               line: "WS/curriculum/program.yml:3:29: error: module '../etc' is not a valid id: it must not contain a path"),
    ]

    @Test("a broken workspace prints the exact diagnostic and exits 1", arguments: brokenWorkspaces)
    func brokenWorkspace(_ broken: Broken) throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write(broken.file, broken.contents)
        let result = try LanternProcess.run(["check", workspace.path])
        let expected = broken.line.replacingOccurrences(of: "WS", with: workspace.path)
        #expect(result.status == broken.status, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "\n").contains(expected), "\(result.stderr)")
        #expect(result.stdout.contains("error"), "the summary line counts errors")
    }

    @Test("a folder with no lantern.yml is an error, not a crash")
    func notAWorkspace() throws {
        let folder = try TemporaryFolder()
        let result = try LanternProcess.run(["check", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no lantern.yml in \(folder.path)"))
    }

    @Test("usage mistakes exit 2", arguments: [["check", "--format", "xml"], ["check", "--bogus"], ["frobnicate"], ["check", "a", "b"]])
    func usage(arguments: [String]) throws {
        let result = try LanternProcess.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("--help and --version exit 0")
    func help() throws {
        let help = try LanternProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("check"))
        #expect(help.stdout.contains("crisis line"))
        let version = try LanternProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
    }

    @Test("JSON output lists every diagnostic with its place")
    func json() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/intro.md", "---\nid: intro\ntitel: T\nsummary: s\nminutes: x\noutcomes: [a]\nassessments: [intro-quiz]\n---\n")
        let result = try LanternProcess.run(["check", workspace.path, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(object["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
        let places = diagnostics.map { "\($0["line"] ?? 0):\($0["column"] ?? 0):\($0["code"] ?? "")" }
        #expect(places.contains("3:1:unknown-key"))
        #expect(places.contains("5:10:wrong-type"))
        #expect(places.contains("2:1:missing-key"))
    }

    @Test("check finds the workspace from a subfolder and shows paths relative to it")
    func fromSubfolder() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/intro.md", "---\nid: intro\ntitel: T\nsummary: s\nminutes: 3\noutcomes: [a]\nassessments: [intro-quiz]\n---\n")
        let result = try LanternProcess.run(["check"], in: workspace.url.appendingPathComponent("curriculum"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("\n../curriculum/intro.md:3:1: error: unknown key 'titel'"), "\(result.stderr)")
    }

    @Test("a 50 MB module is checked without crashing")
    func hugeModule() throws {
        let workspace = try SampleWorkspace.create()
        var text = "---\nid: intro\ntitle: T\nsummary: s\nminutes: 3\noutcomes: [a]\nassessments: [intro-quiz]\n---\n"
        let block = "## Section\n\nSome *text* with a [link](listening.md) and `code`.\n\n- one\n- two\n\n"
        text += String(repeating: block, count: 50_000_000 / block.utf8.count)
        try workspace.write("curriculum/intro.md", text)
        let result = try LanternProcess.run(["check", workspace.path])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
    }
}
