import Foundation
import LanternCertification
import LanternSite
import LanternTestSupport
import Testing

@Suite("lantern build, end to end")
struct BuildBehaviourTests {
    func build(_ workspace: TemporaryFolder, into output: String, _ extra: [String] = []) throws -> LanternProcess.Result {
        try LanternProcess.run(["build", "--output", output, "-C", workspace.path] + extra)
    }

    @Test("two builds of the same input into two folders are diff -r equal, with nothing but the site in them (issue 14)")
    func byteIdentical() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let input = try SiteFixtures.writeVerificationInput(SiteFixtures.verification, to: output)
        let first = try build(workspace, into: output.path + "/out/a", ["--verification-input", input])
        let second = try build(workspace, into: output.path + "/out/b", ["--verification-input", input])
        // A rebuild (cache, previous site kept) changes nothing either.
        let third = try build(workspace, into: output.path + "/out/b", ["--verification-input", input])
        #expect(first.status == 0 && second.status == 0 && third.status == 0, "\(first.stderr)\(second.stderr)\(third.stderr)")
        let a = SiteFixtures.files(in: output.url.appendingPathComponent("out/a"))
        #expect(a.count > 15)
        let diff = try LanternProcess.runTool("/usr/bin/diff", ["-r", output.path + "/out/a", output.path + "/out/b"])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        // No dotfile in the site (no cache, no manifest, no marker), and nothing beside it.
        let found = try LanternProcess.runTool("/usr/bin/find", [output.path + "/out", "-name", ".*"])
        #expect(found.stdout.isEmpty, "\(found.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path + "/out").sorted() == ["a", "b"])
    }

    @Test("a rebuild rewrites only the files whose bytes changed")
    func onlyChangedFilesRewritten() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let site = output.path + "/site"
        #expect(try build(workspace, into: site).status == 0)
        func inodes() throws -> [String: UInt64] {
            var out: [String: UInt64] = [:]
            for path in SiteFixtures.files(in: output.url.appendingPathComponent("site")).keys {
                let attributes = try FileManager.default.attributesOfItem(atPath: site + "/" + path)
                out[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            }
            return out
        }
        let before = try inodes()
        let unchangedRebuild = try build(workspace, into: site)
        #expect(unchangedRebuild.stdout.contains(": 0 files written"), "\(unchangedRebuild.stdout)")
        #expect(try inodes() == before)

        // Change one sentence of one module's body.
        let intro = try workspace.read("curriculum/intro.md")
        try workspace.write("curriculum/intro.md", intro.replacingOccurrences(of: "lived experience.", with: "lived experience of recovery."))
        let result = try build(workspace, into: site)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try inodes()
        let rewritten = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(rewritten == ["assets/search-index.js", "modules/intro/index.html"])
        #expect(try output.read("site/modules/intro/index.html").contains("lived experience of recovery."))
    }

    @Test("--check-links reports a broken link and publishes nothing")
    func brokenLink() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let site = output.path + "/site"
        #expect(try build(workspace, into: site, ["--check-links"]).status == 0)
        let home = try output.read("site/index.html")
        try workspace.write("templates/home.mustache", """
            <h1>{{program.title}}</h1>
            <p><a href="modules/intro/#no-such-heading">Intro</a> <a href="nowhere/">Nowhere</a></p>

            """)
        let result = try build(workspace, into: site, ["--check-links"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("index.html:1:1: error: 'modules/intro/#no-such-heading': modules/intro/index.html has no element with id 'no-such-heading'"), "\(result.stderr)")
        #expect(result.stderr.contains("error: 'nowhere/' points to a file that is not in the site"))
        #expect(try output.read("site/index.html") == home, "the previous site must be left as it was")
    }

    @Test("a template in templates/ replaces the built-in one; a broken one is reported where it breaks")
    func templateOverride() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        try workspace.write("templates/outline.mustache", "<h1>Our outline</h1>\n<p>{{program.title}} <b>{{{program.title}}}</b></p>\n")
        #expect(try build(workspace, into: output.path + "/site").status == 0)
        #expect(try output.read("site/outline/index.html").contains("<h1>Our outline</h1>\n<p>Test Program <b>Test Program</b></p>"))

        try workspace.write("templates/outline.mustache", "<h1>Outline</h1>\n{{#modules}}\n<p>{{title}}</p>\n")
        let result = try build(workspace, into: output.path + "/site")
        #expect(result.status == 1)
        #expect(result.stderr.contains("WS/templates/outline.mustache:".replacingOccurrences(of: "WS", with: workspace.path)), "\(result.stderr)")
        #expect(result.stderr.contains("error: the template does not parse"))
    }

    @Test("a layout that inherits from itself stops the build at its tag instead of crashing it, and publishes nothing (issue 20)")
    func selfInheritingTemplate() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        try workspace.write("templates/layout.mustache", "<html>\n{{<layout}}{{$main}}{{{content}}}{{/main}}{{/layout}}\n</html>\n")
        let result = try build(workspace, into: output.path + "/site")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("WS/templates/layout.mustache:2:1: error:".replacingOccurrences(of: "WS", with: workspace.path)), "\(result.stderr)")
        #expect(result.stderr.contains("include or inherit from itself"), "\(result.stderr)")
        #expect(!output.exists("site"))
    }

    @Test("inheritance in the layout, a dynamic partial and a plain partial build")
    func inheritanceAndDynamicPartials() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        try workspace.write("templates/frame.mustache", "<html><title>{{title}}</title>\n<main>{{$main}}nothing{{/main}}</main>\n</html>\n")
        try workspace.write("templates/layout.mustache", "{{<frame}}{{$main}}{{{content}}}{{/main}}{{/frame}}\n")
        try workspace.write("templates/which.mustache", "<i>{{module.id}}</i>")
        try workspace.write("templates/module.mustache", "<h1>{{module.title}}</h1>{{>*partialName}}{{>which}}\n")
        #expect(try build(workspace, into: output.path + "/site").status == 0)
        let page = try output.read("site/modules/intro/index.html")
        #expect(page.hasPrefix("<html><title>Introduction</title>\n<main><h1>Introduction</h1><i>intro</i>\n</main>\n</html>"), "\(page)")
    }

    @Test("values are escaped: a title with markup stays text")
    func escaping() throws {
        let workspace = try SampleWorkspace.create()
        let intro = try workspace.read("curriculum/intro.md")
        try workspace.write("curriculum/intro.md", intro.replacingOccurrences(of: "title: Introduction", with: "title: \"<script>alert(1)</script> & more\""))
        let output = try TemporaryFolder(prefix: "lantern-site")
        #expect(try build(workspace, into: output.path + "/site").status == 0)
        let page = try output.read("site/modules/intro/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1>"))
    }

    @Test("a folder that is not a Lantern site is never replaced")
    func refusesForeignFolder() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        try output.write("precious/notes.txt", "keep me")
        let result = try build(workspace, into: output.path + "/precious")
        #expect(result.status == 1)
        #expect(result.stderr.contains("was not made by lantern build"))
        #expect(try output.read("precious/notes.txt") == "keep me")
    }

    @Test("a workspace with errors is not built unless asked")
    func refusesBrokenWorkspace() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/intro.md", (try workspace.read("curriculum/intro.md")) + "\nSee [x](missing.md).\n")
        let output = try TemporaryFolder(prefix: "lantern-site")
        let refused = try build(workspace, into: output.path + "/site")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("link to module 'missing.md', which does not exist"))
        #expect(!output.exists("site"))
        #expect(try build(workspace, into: output.path + "/site", ["--allow-errors"]).status == 0)
    }

    @Test("a leftover of a killed build is cleared and never published")
    func leftoverStaging() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        // Where a killed build of this release leaves its half-built site: in the build state.
        let state = SiteBuildState(workspaceRoot: workspace.url, output: URL(fileURLWithPath: output.path + "/site"))
        try FileManager.default.createDirectory(atPath: state.folder.path + "/building", withIntermediateDirectories: true)
        try "<p>half".write(toFile: state.folder.path + "/building/half-written.html", atomically: false, encoding: .utf8)
        #expect(try build(workspace, into: output.path + "/site").status == 0)
        #expect(!FileManager.default.fileExists(atPath: state.folder.path + "/building"))
        #expect(!output.exists("site/half-written.html"))
        #expect(output.exists("site/index.html"))
    }
}

@Suite("lantern build, template transforms and rebuilds")
struct TemplateTransformBehaviourTests {
    @Test("a certificate template that transforms a value gives Mustache's output on every page")
    func transformFallsBack() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("templates/credential.mustache", """
            <h1>{{credential.achievementName}}</h1>
            <p>{{#credential.holderName}}{{uppercased(credential.holderName)}}{{/credential.holderName}} {{credential.id}}</p>

            """)
        let output = try TemporaryFolder(prefix: "lantern-site")
        var verification = SiteFixtures.verification
        verification.credentials.append(PublishableCredential(
            id: "c-0003", jwt: "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6M30.c2ln", achievementName: "Test Program", issuerName: "Test Training Org",
            issuedOn: "2026-02-01", validUntil: "2028-02-01", holderName: "Sam <Lee>", status: .active))
        let input = try SiteFixtures.writeVerificationInput(verification, to: output)
        let result = try LanternProcess.run(["build", "--output", output.path + "/site", "-C", workspace.path, "--verification-input", input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try output.read("site/credentials/c-0001/index.html").contains("<p>ALEX RIVERA c-0001</p>"))
        #expect(try output.read("site/credentials/c-0003/index.html").contains("<p>SAM &lt;LEE&gt; c-0003</p>"))
        #expect(try output.read("site/credentials/c-0002/index.html").contains("<p> c-0002</p>"))
    }

    @Test("a rebuild counts the files the new site no longer has")
    func removedCount() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let both = try SiteFixtures.writeVerificationInput(SiteFixtures.verification, to: output)
        #expect(try LanternProcess.run(["build", "--output", output.path + "/site", "-C", workspace.path, "--verification-input", both]).status == 0)
        var one = SiteFixtures.verification
        one.credentials.removeLast()
        let folder = try TemporaryFolder(prefix: "lantern-input")
        let single = try SiteFixtures.writeVerificationInput(one, to: folder)
        let result = try LanternProcess.run(["build", "--output", output.path + "/site", "-C", workspace.path, "--verification-input", single])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(", 2 removed"), "\(result.stdout)")
        #expect(!output.exists("site/credentials/c-0002"))
        #expect(output.exists("site/credentials/c-0001/index.html"))
    }
}

@Suite("lantern build, the build cache")
struct BuildCacheBehaviourTests {
    func build(_ workspace: TemporaryFolder, into output: String, _ extra: [String] = []) throws -> LanternProcess.Result {
        let result = try LanternProcess.run(["build", "--output", output, "-C", workspace.path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// Every file of two sites is the same.
    func expectSameSite(_ a: URL, _ b: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let first = SiteFixtures.files(in: a)
        let second = SiteFixtures.files(in: b)
        #expect(first.keys.sorted() == second.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in first where second[path] != data {
            Issue.record("\(path) differs", sourceLocation: sourceLocation)
        }
    }

    @Test("a rebuild renders only what changed, says so, and gives the site a full build gives")
    func incrementalSummary() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let site = output.path + "/site"
        // Six pages: home, outline, crisis lines, search, two modules.
        #expect(try build(workspace, into: site).stdout.contains("; 6 pages rendered, 0 kept from the last build"))
        #expect(FileManager.default.fileExists(atPath: SiteBuildState(workspaceRoot: workspace.url, output: URL(fileURLWithPath: site)).cacheFile.path))
        let unchanged = try build(workspace, into: site)
        #expect(unchanged.stdout.contains(": 0 files written") && unchanged.stdout.contains("; 2 pages rendered, 4 kept from the last build"),
                "\(unchanged.stdout)")

        try workspace.write("curriculum/listening.md", try workspace.read("curriculum/listening.md") + "\nOne more paragraph.\n")
        let edited = try build(workspace, into: site)
        #expect(edited.stdout.contains("; 3 pages rendered, 3 kept from the last build"), "\(edited.stdout)")
        #expect(try output.read("site/modules/listening/index.html").contains("One more paragraph."))
        _ = try build(workspace, into: output.path + "/fresh")
        expectSameSite(output.url.appendingPathComponent("site"), output.url.appendingPathComponent("fresh"))

        let full = try build(workspace, into: site, ["--no-cache"])
        #expect(full.stdout.contains("; 6 pages rendered, 0 kept from the last build"), "\(full.stdout)")
        #expect(full.stdout.contains(": 0 files written"), "\(full.stdout)")
        expectSameSite(output.url.appendingPathComponent("site"), output.url.appendingPathComponent("fresh"))
    }

    @Test("a damaged cache is ignored, and a deleted site is built in full")
    func damagedCache() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let site = output.path + "/site"
        _ = try build(workspace, into: site)
        let cacheFile = SiteBuildState(workspaceRoot: workspace.url, output: URL(fileURLWithPath: site)).cacheFile
        let cache = try #require(FileManager.default.contents(atPath: cacheFile.path))
        try cache.prefix(cache.count - 7).write(to: cacheFile)
        try workspace.write("curriculum/intro.md", try workspace.read("curriculum/intro.md") + "\nAn edit.\n")
        #expect(try build(workspace, into: site).stdout.contains("; 6 pages rendered, 0 kept from the last build"))
        _ = try build(workspace, into: output.path + "/fresh")
        expectSameSite(output.url.appendingPathComponent("site"), output.url.appendingPathComponent("fresh"))

        try FileManager.default.removeItem(atPath: site)
        #expect(try build(workspace, into: site).stdout.contains("; 6 pages rendered, 0 kept from the last build"))
    }

    @Test("the cache is not a page: not in the sitemap, not linked, and no path of the machine in it")
    func cacheIsPrivate() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        _ = try build(workspace, into: output.path + "/site", ["--check-links"])
        #expect(!(try output.read("site/sitemap.xml")).contains("lantern-build-cache"))
        let cacheFile = SiteBuildState(workspaceRoot: workspace.url, output: URL(fileURLWithPath: output.path + "/site")).cacheFile
        let bytes = try #require(FileManager.default.contents(atPath: cacheFile.path))
        #expect(bytes.range(of: Data(workspace.path.utf8)) == nil)
        #expect(bytes.range(of: Data(output.path.utf8)) == nil)
        // --check-links reads kept pages too.
        #expect(try build(workspace, into: output.path + "/site", ["--check-links"]).stdout.contains("every internal link and anchor resolves"))
    }
}
