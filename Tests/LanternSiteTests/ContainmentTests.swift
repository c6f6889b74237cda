import Foundation
import LanternSite
import LanternTestSupport
import Testing

/// Nothing outside its folder is read into the site (issue 20): each kind of input, made a
/// symbolic link out of its folder, stops the build with an error at the link, and nothing is
/// published. The first case is the attack that published the signing key.
@Suite("lantern build reads no input through a link out of its folder")
struct ContainmentTests {
    /// A workspace, a folder outside it holding a secret, and where the site would go.
    struct Setup {
        let workspace: TemporaryFolder
        let outside: TemporaryFolder
        let output: TemporaryFolder
        static let secret = "SECRET-OUTSIDE-THE-FOLDER-4b1d"

        init() throws {
            workspace = try SampleWorkspace.create()
            outside = try TemporaryFolder(prefix: "lantern-outside")
            output = try TemporaryFolder(prefix: "lantern-site")
            try outside.write("secret.txt", Self.secret + "\n")
            try outside.write("secret.md", "---\nid: intro\ntitle: \(Self.secret)\nsummary: s\nminutes: 5\n---\n\n# \(Self.secret)\n")
            try outside.write("images/pic.png", Self.secret)
        }

        func link(_ relative: String, to target: String) throws {
            let path = workspace.path + "/" + relative
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        /// Builds; the build must fail at `expectedPath` and publish nothing.
        func expectRefused(at expectedPath: String, words: String = "outside", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let result = try LanternProcess.run(["build", "--output", output.path + "/site", "-C", workspace.path])
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(workspace.path + "/" + expectedPath), "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(!output.exists("site"), "a site was published", sourceLocation: sourceLocation)
            let found = try LanternProcess.runTool("/bin/grep", ["-rl", Self.secret, output.path])
            #expect(found.stdout.isEmpty, "the secret was written: \(found.stdout)", sourceLocation: sourceLocation)
        }
    }

    @Test("templates/style.css linked to the signing key: the key is not published (the attack of issue 20)")
    func stylesheetToKey() throws {
        let setup = try Setup()
        let generated = try LanternProcess.run(["keys", "generate", "-C", setup.workspace.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let keys = try FileManager.default.contentsOfDirectory(atPath: setup.workspace.path + "/.lantern/keys").filter { $0.hasSuffix(".pem") }
        let key = try #require(keys.first)
        try setup.link("templates/style.css", to: "../.lantern/keys/\(key)")
        let result = try LanternProcess.run(["build", "--output", setup.output.path + "/site", "-C", setup.workspace.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(setup.workspace.path + "/templates/style.css:") && result.stderr.contains("leads outside"), "\(result.stderr)")
        #expect(!setup.output.exists("site"))
        let pem = try String(contentsOfFile: setup.workspace.path + "/.lantern/keys/" + key, encoding: .utf8)
        let body = pem.split(separator: "\n").dropFirst().first.map(String.init) ?? pem
        let found = try LanternProcess.runTool("/bin/grep", ["-rlF", body, setup.output.path])
        #expect(found.stdout.isEmpty, "the private key was written: \(found.stdout)")
    }

    @Test("a page template linked out of templates/")
    func pageTemplate() throws {
        let setup = try Setup()
        try setup.link("templates/layout.mustache", to: setup.outside.path + "/secret.txt")
        try setup.expectRefused(at: "templates/layout.mustache")
    }

    @Test("a partial linked to another folder of the workspace (even one inside it)")
    func partial() throws {
        let setup = try Setup()
        try setup.workspace.write("notes/secret.mustache", Setup.secret)
        try setup.link("templates/footer.mustache", to: "../notes/secret.mustache")
        try setup.expectRefused(at: "templates/footer.mustache")
    }

    @Test("the templates folder itself linked out of the workspace")
    func templatesFolder() throws {
        let setup = try Setup()
        try setup.outside.write("templates/module.mustache", Setup.secret)
        try setup.link("templates", to: setup.outside.path + "/templates")
        try setup.expectRefused(at: "templates", words: "leads outside the workspace")
    }

    @Test("an image a module shows, linked out of the curriculum; and a media folder linked out")
    func media() throws {
        let setup = try Setup()
        let intro = try setup.workspace.read("curriculum/intro.md")
        try setup.workspace.write("curriculum/intro.md", intro + "\n![A picture](images/pic.png)\n")
        try setup.link("curriculum/images/pic.png", to: setup.outside.path + "/images/pic.png")
        try setup.expectRefused(at: "curriculum/images/pic.png")
        try FileManager.default.removeItem(atPath: setup.workspace.path + "/curriculum/images")
        try setup.link("curriculum/images", to: setup.outside.path + "/images")
        try setup.expectRefused(at: "curriculum/images/pic.png")
    }

    @Test("a module file linked out of the curriculum")
    func module() throws {
        let setup = try Setup()
        try setup.link("curriculum/intro.md", to: setup.outside.path + "/secret.md")
        try setup.expectRefused(at: "curriculum/intro.md")
    }

    @Test("a module file linked out, with a build cache from an earlier build")
    func moduleWithCache() throws {
        let setup = try Setup()
        let first = try LanternProcess.run(["build", "--output", setup.output.path + "/site", "-C", setup.workspace.path])
        #expect(first.status == 0, "\(first.stderr)")
        try setup.link("curriculum/intro.md", to: setup.outside.path + "/secret.md")
        let result = try LanternProcess.run(["build", "--output", setup.output.path + "/site", "-C", setup.workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(setup.workspace.path + "/curriculum/intro.md"), "\(result.stderr)")
        let found = try LanternProcess.runTool("/bin/grep", ["-rl", Setup.secret, setup.output.path])
        #expect(found.stdout.isEmpty, "the secret was written: \(found.stdout)")
    }

    @Test("an assessment file linked out of assessments/")
    func assessment() throws {
        let setup = try Setup()
        try setup.link("assessments/intro-quiz.md", to: setup.outside.path + "/secret.txt")
        try setup.expectRefused(at: "assessments/intro-quiz.md")
    }

    @Test("the crisis resources and the program linked out of the curriculum")
    func crisisResourcesAndProgram() throws {
        let setup = try Setup()
        try setup.outside.write("crisis-resources.yml", try setup.workspace.read("curriculum/crisis-resources.yml"))
        try setup.link("curriculum/crisis-resources.yml", to: setup.outside.path + "/crisis-resources.yml")
        try setup.expectRefused(at: "curriculum/crisis-resources.yml")
        try FileManager.default.removeItem(atPath: setup.workspace.path + "/curriculum/crisis-resources.yml")
        try setup.outside.write("program.yml", try setup.workspace.read("curriculum/program.yml"))
        try setup.link("curriculum/program.yml", to: setup.outside.path + "/program.yml")
        try setup.expectRefused(at: "curriculum/program.yml")
    }

    @Test("lantern.yml linked into .lantern/")
    func configIntoLanternFolder() throws {
        let setup = try Setup()
        try setup.workspace.write(".lantern/config.yml", try setup.workspace.read("lantern.yml"))
        try setup.link("lantern.yml", to: ".lantern/config.yml")
        try setup.expectRefused(at: "lantern.yml", words: ".lantern")
    }

    @Test("a link that stays inside its folder is followed")
    func insideLinkFollowed() throws {
        let setup = try Setup()
        try setup.workspace.write("templates/shared/footer.mustache", "<p>shared footer</p>")
        try setup.link("templates/footer.mustache", to: "shared/footer.mustache")
        try setup.workspace.write("templates/crisis.mustache", "{{>footer}}")
        let result = try LanternProcess.run(["build", "--output", setup.output.path + "/site", "-C", setup.workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try setup.output.read("site/crisis-resources/index.html").contains("<p>shared footer</p>"))
    }
}
