import Foundation
@testable import LanternCurriculum
import LanternDiagnostics
import LanternTestSupport
import Testing

@Suite("Scaffolding")
struct ScaffoldTests {
    @Test("a new workspace checks clean")
    func initIsClean() throws {
        let folder = try TemporaryFolder()
        try WorkspaceScaffold.create(at: folder.url, displayPath: folder.path, organisation: "Org \"Quoted\"")
        let result = WorkspaceLoader().load(at: folder.url)
        // Only the placeholder addresses `init` writes, which `check` warns about until changed.
        #expect(result.diagnostics.map(\.code) == ["placeholder-address", "placeholder-address"], "\(result.diagnostics)")
        #expect(result.workspace?.config.organisation.name == "Org \"Quoted\"")
    }

    @Test("init refuses to overwrite")
    func initRefuses() throws {
        let folder = try TemporaryFolder()
        try folder.write("lantern.yml", "keep me")
        #expect(throws: LanternError.self) {
            try WorkspaceScaffold.create(at: folder.url, displayPath: "", organisation: "Org")
        }
        #expect(try folder.read("lantern.yml") == "keep me")
        #expect(!folder.exists("curriculum/program.yml"))
    }

    @Test("new module is appended to flow and block lists, keeping comments", arguments: [
        ("modules: [intro, listening]   # order matters\n", "modules: [intro, listening, safety]   # order matters\n"),
        ("modules: []\n", "modules: [safety]\n"),
        ("modules: [intro,\n          listening]\n", "modules: [intro,\n          listening, safety]\n"),
        ("modules:\n  - intro  # first\n  - listening\nsummary: x\n", "modules:\n  - intro  # first\n  - listening\n  - safety\nsummary: x\n"),
    ])
    func appendsToProgram(before: String, after: String) throws {
        let updated = try ModuleScaffold.insert("safety", intoModulesOf: "id: p\ntitle: P\n" + before, path: "program.yml")
        #expect(updated == "id: p\ntitle: P\n" + after)
    }

    @Test("a new module checks clean in the sample workspace")
    func newModule() throws {
        let workspace = try SampleWorkspace.create()
        try ModuleScaffold.add(id: "safety-planning", title: nil, to: workspace.url, displayRoot: "")
        let result = WorkspaceLoader().load(at: workspace.url)
        #expect(result.diagnostics.allSatisfy { $0.code == "placeholder-address" }, "\(result.diagnostics)")
        #expect(result.workspace?.program?.moduleIDs.last == "safety-planning")
        #expect(result.workspace?.module("safety-planning")?.title == "Safety Planning")
    }

    @Test("bad ids and existing modules are refused without writing", arguments: ["Safety", "../x", "a b", "intro"])
    func refused(id: String) throws {
        let workspace = try SampleWorkspace.create()
        let program = try workspace.read("curriculum/program.yml")
        #expect(throws: LanternError.self) {
            try ModuleScaffold.add(id: id, title: nil, to: workspace.url, displayRoot: "")
        }
        #expect(try workspace.read("curriculum/program.yml") == program)
    }
}

@Suite("init's .gitignore")
struct InitIgnoreFileTests {
    @Test("a new workspace ignores the records, the keys, the site and the previous site")
    func writesIgnoreFile() throws {
        let folder = try TemporaryFolder()
        try WorkspaceScaffold.create(at: folder.url, displayPath: "", organisation: "Org")
        let lines = Set(try folder.read(".gitignore").split(separator: "\n").map(String.init))
        for path in [".lantern/", "site/", ".site.old/", ".site.building/", "*.sqlite"] {
            #expect(lines.contains(path), "\(path) is not ignored")
        }
    }

    @Test("an existing .gitignore keeps its lines and gains only the missing ones")
    func extendsIgnoreFile() throws {
        let folder = try TemporaryFolder()
        try folder.write(".gitignore", "node_modules/\nsite/")
        try WorkspaceScaffold.create(at: folder.url, displayPath: "", organisation: "Org")
        let text = try folder.read(".gitignore")
        #expect(text.hasPrefix("node_modules/\nsite/\n"))
        #expect(text.components(separatedBy: "site/\n").count == 2, "site/ is listed twice")
        #expect(text.contains(".lantern/\n"))
    }
}
