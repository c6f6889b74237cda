import Foundation
@testable import LanternCurriculum
import LanternDiagnostics
@testable import LanternSite
import LanternTestSupport
import Testing

/// Incremental builds (the build cache beside the site) must give exactly the site a full
/// build gives: after every kind of edit, the folder built on top of the previous one is
/// compared byte for byte, cache included, with a fresh build into an empty folder.
@Suite("incremental builds give the same site as full builds")
struct IncrementalBuildTests {
    /// A workspace with enough modules for neighbours, prerequisites, links, an image and a
    /// crisis module.
    static func workspace() throws -> TemporaryFolder {
        let folder = try SampleWorkspace.create()
        var ids = ["intro", "listening"]
        for number in 1...8 {
            let id = "topic-\(number)"
            ids.append(id)
            let requires = number > 1 ? "requires: [topic-\(number - 1)]\n" : ""
            let crisis = number == 4 ? "crisis: true\n" : ""
            try folder.write("curriculum/\(id).md", """
                ---
                id: \(id)
                title: Topic \(number)
                summary: The \(number) topic.
                minutes: \(10 * number)
                outcomes:
                  - Explain topic \(number).
                \(requires)\(crisis)---

                # Topic \(number)

                Words about topic \(number), with [the introduction](intro.md) and [a section](listening.md#open-questions).

                ## First part

                More words *here* for search.

                ### Detail

                Detail text.

                ## Second part

                Last words of topic \(number).

                """)
        }
        try writeProgram(folder, ids)
        return folder
    }

    static func writeProgram(_ folder: TemporaryFolder, _ ids: [String]) throws {
        let program = try folder.read("curriculum/program.yml")
        let rewritten = program.replacingOccurrences(
            of: #"modules: \[[^\]]*\]"#, with: "modules: [\(ids.joined(separator: ", "))]", options: .regularExpression)
        try folder.write("curriculum/program.yml", rewritten)
    }

    struct Build {
        var report: SiteBuildReport
        var diagnostics: [Diagnostic]
        var state: BuildCache.State
    }

    /// Builds `workspace` into `output` as `lantern build` does, with the cache found there.
    static func build(_ workspace: TemporaryFolder, into output: URL, useCache: Bool = true) throws -> Build {
        let cache = useCache ? BuildCache.read(state(workspace, output)) : BuildCache(state: .unused)
        let result = WorkspaceLoader().load(at: workspace.url, displayRoot: "WS", cache: cache)
        let workspaceValue = try #require(result.workspace)
        let options = SiteBuildOptions(output: output, cache: result.cacheRecord.map { SiteBuildCache(previous: cache, record: $0) })
        let report = try SiteBuilder(workspace: workspaceValue).build(options)
        return Build(report: report, diagnostics: result.diagnostics, state: cache.state)
    }

    /// Where a build of `workspace` into `output` keeps its cache and previous site.
    static func state(_ workspace: TemporaryFolder, _ output: URL) -> SiteBuildState {
        SiteBuildState(workspaceRoot: workspace.url, output: output)
    }

    /// Builds into `site` on top of what is there, then into a new empty folder, and holds the
    /// two to the same bytes and the cached load to the same diagnostics as a load without one.
    @discardableResult
    static func checkIncremental(_ workspace: TemporaryFolder, site: URL, scratch: TemporaryFolder,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Build {
        let incremental = try build(workspace, into: site)
        let fresh = scratch.url.appendingPathComponent(UUID().uuidString)
        let full = try build(workspace, into: fresh)
        #expect(full.state == .missing, sourceLocation: sourceLocation)
        #expect(full.report.reusedPages == 0, sourceLocation: sourceLocation)
        let uncached = WorkspaceLoader().load(at: workspace.url, displayRoot: "WS")
        #expect(incremental.diagnostics == uncached.diagnostics, sourceLocation: sourceLocation)
        #expect(full.diagnostics == uncached.diagnostics, sourceLocation: sourceLocation)

        // Every file the same, the cache included (but for the statuses of the workspace's
        // files, which say when each was last read); the tree manifest (inodes, times) is this
        // folder's own, and must tell the truth about it.
        let a = SiteFixtures.files(in: site)
        let b = SiteFixtures.files(in: fresh)
        let caches = [site, fresh].map { BuildCache.read(state(workspace, $0)) }
        #expect(caches.allSatisfy { $0.state == .loaded }, sourceLocation: sourceLocation)
        #expect(caches[0].contentWithoutStatuses() == caches[1].contentWithoutStatuses(), "the caches differ", sourceLocation: sourceLocation)
        #expect(!a.keys.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "a dotfile in the site", sourceLocation: sourceLocation)
        #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in b where a[path] != data {
            Issue.record("\(path) differs between the incremental and the full build", sourceLocation: sourceLocation)
        }
        expectTruthfulManifest(site, manifest: state(workspace, site).siteTree, files: Set(a.keys), sourceLocation: sourceLocation)
        try? FileManager.default.removeItem(at: fresh)
        try? FileManager.default.removeItem(at: state(workspace, fresh).folder)
        return incremental
    }

    /// The site's manifest lists exactly its files, with their inodes, sizes and times.
    static func expectTruthfulManifest(_ site: URL, manifest path: String, files: Set<String>, sourceLocation: Testing.SourceLocation) {
        let folder = open(site.path, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        guard let manifest = TreeManifest.verified(path, in: folder, path: site.path) else {
            Issue.record("the site's tree manifest is missing or does not match its folders", sourceLocation: sourceLocation)
            return
        }
        #expect(Set(manifest.files.keys) == files, sourceLocation: sourceLocation)
        for (path, recorded) in manifest.files where TreeManifest.file(in: folder, path) != recorded {
            Issue.record("\(path): the manifest does not describe the file", sourceLocation: sourceLocation)
        }
    }

    static func edit(_ folder: TemporaryFolder, _ relative: String, _ change: (String) -> String) throws {
        let text = try folder.read(relative)
        let changed = change(text)
        #expect(changed != text, "the edit of \(relative) changed nothing")
        try folder.write(relative, changed)
    }

    /// Pages every build renders: the crisis and search pages.
    static let alwaysRendered = 2

    @Test("after each kind of edit, the incremental site is byte-identical to a full build, and unchanged pages are kept")
    func differential() throws {
        let workspace = try Self.workspace()
        let scratch = try TemporaryFolder(prefix: "lantern-sites")
        let site = scratch.url.appendingPathComponent("site")
        let moduleCount = 10
        let keyedPages = moduleCount + 2  // modules, home, outline

        let first = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(first.state == .missing)
        #expect(first.report.reusedPages == 0)

        // Nothing changed: every keyed page is kept.
        var build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.state == .loaded)
        #expect(build.report.reusedPages == keyedPages)
        #expect(build.report.renderedPages == Self.alwaysRendered)
        #expect(build.report.written == 0, "\(build.report)")

        // A paragraph added to one module: only its page is rendered.
        try Self.edit(workspace, "curriculum/topic-3.md") { $0 + "\nAn added paragraph with newword.\n" }
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages - 1)
        #expect(build.report.written == 2, "the page and the search index")

        // A heading below the outline's level: the page only. A top-level section: the outline too.
        try Self.edit(workspace, "curriculum/topic-3.md") { $0 + "\n## Third part\n\nText.\n" }
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages - 1)
        try Self.edit(workspace, "curriculum/topic-3.md") { $0 + "\n# Fourth part\n\nText.\n" }
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages - 2)

        // A neighbour's title: its page, its neighbours, the module requiring it, home and outline.
        try Self.edit(workspace, "curriculum/topic-5.md") { $0.replacingOccurrences(of: "title: Topic 5", with: "title: Topic Five") }
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages - 5)

        // Program order: the swapped modules and their neighbours.
        var order = ["intro", "listening"] + (1...8).map { "topic-\($0)" }
        order.swapAt(6, 7)
        try Self.writeProgram(workspace, order)
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages > 0 && build.report.reusedPages < keyedPages - 2, "\(build.report.reusedPages)")

        // A module added, then removed: every module page shows the count.
        try workspace.write("curriculum/extra.md", "---\nid: extra\ntitle: Extra\nsummary: More.\nminutes: 5\noutcomes: [Do more.]\n---\n\n# Extra\n\nText.\n")
        try Self.writeProgram(workspace, order + ["extra"])
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == 0)
        try workspace.remove("curriculum/extra.md")
        try Self.writeProgram(workspace, order)
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.removed >= 1)

        // An unlisted module (a warning) and its removal.
        try workspace.write("curriculum/zz-unlisted.md", "---\nid: zz-unlisted\ntitle: Unlisted\nsummary: S.\nminutes: 5\noutcomes: [X.]\n---\n\nText.\n")
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.diagnostics.contains { $0.code == "unlisted-module" })
        try workspace.remove("curriculum/zz-unlisted.md")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)

        // Shared inputs: every module page is rendered again, and still the same bytes.
        let sharedEdits: [(String, (String) -> String)] = [
            ("assessments/intro-quiz.md", { $0.replacingOccurrences(of: "title: Introduction quiz", with: "title: First quiz") }),
            ("curriculum/crisis-resources.yml", { $0.replacingOccurrences(of: "hours: 24/7", with: "hours: Every day, all day") }),
            ("lantern.yml", { $0.replacingOccurrences(of: "name: Test Training Org", with: "name: Other Training Org") }),
        ]
        for (path, change) in sharedEdits {
            try Self.edit(workspace, path, change)
            build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
            #expect(build.report.reusedPages == 0, "\(path): \(build.report.reusedPages) pages kept")
        }
        try workspace.write("templates/module.mustache", "<h1>{{module.title}}</h1>\n{{{body}}}\n")
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == 0)
        try workspace.write("templates/style.css", "body { color: black; }\n")
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == 0)
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages)

        // An edit that breaks a link: the same error as an uncached load (checked in checkIncremental).
        try Self.edit(workspace, "curriculum/topic-2.md") { $0 + "\nSee [nowhere](missing-module.md) and [x](#no-anchor).\n" }
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.diagnostics.filter { $0.code == "broken-link" }.count == 2)
        // The link's target appears: the error goes although topic-2 is unchanged.
        try workspace.write("curriculum/missing-module.md", "---\nid: missing-module\ntitle: M\nsummary: S.\nminutes: 5\noutcomes: [X.]\n---\n\n# M\n")
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.diagnostics.filter { $0.code == "broken-link" }.count == 1)
        try workspace.remove("curriculum/missing-module.md")

        // A media file: copied with the site; a new image with the same name is copied again
        // although no page changed.
        try workspace.write("curriculum/images/a.png", "first image")
        try Self.edit(workspace, "curriculum/topic-6.md") { $0 + "\n![A diagram](images/a.png)\n" }
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(FileManager.default.contents(atPath: site.path + "/media/images/a.png") == Data("first image".utf8))
        try workspace.write("curriculum/images/a.png", "second image")
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(FileManager.default.contents(atPath: site.path + "/media/images/a.png") == Data("second image".utf8))
        #expect(build.report.reusedPages == keyedPages)

        // The published site changed by hand: a file added, a page deleted, a kept page edited
        // in place (its inode is shared with the site kept beside it). Builds put it right,
        // then and when that folder is reused two builds later.
        try "added by hand".write(toFile: site.path + "/extra.txt", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site.path + "/modules/topic-8/index.html")
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent("modules/topic-1/index.html"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<p>edited in place</p>".utf8))
        try handle.close()
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages - 2, "topic-1 and topic-8 rendered again")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == keyedPages)

        // A build killed while it updated the previous site kept in the build state: that folder
        // is not trusted again (no manifest), whatever is left in it.
        let kept = Self.state(workspace, site).previous
        #expect(FileManager.default.fileExists(atPath: Self.state(workspace, site).previousTree))
        try FileManager.default.removeItem(atPath: Self.state(workspace, site).previousTree)
        try "half".write(toFile: kept + "/modules/topic-2/index.html", atomically: false, encoding: .utf8)
        try "junk".write(toFile: kept + "/junk.html", atomically: false, encoding: .utf8)
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        // And a file slipped into it while it holds its manifest: its folder's time gives it away.
        try "junk".write(toFile: kept + "/modules/topic-2/junk.html", atomically: false, encoding: .utf8)
        try Self.checkIncremental(workspace, site: site, scratch: scratch)

        // Front matter problems are cached with the module and reported again, in place.
        try Self.edit(workspace, "curriculum/topic-7.md") { $0.replacingOccurrences(of: "minutes: 70", with: "minutes: 70\nunknown_key: 1") }
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.diagnostics.contains { $0.code == "unknown-key" && $0.location?.path == "WS/curriculum/topic-7.md" })
        #expect(build.report.reusedPages == keyedPages)
    }

    @Test("files settled since the last build are not read again; their bodies are read when their pages are rendered")
    func settledFiles() throws {
        // As if every file had been written long before the builds.
        try BuildCache.$clock.withValue(Int(Date().timeIntervalSince1970) + 60) {
            let workspace = try Self.workspace()
            let scratch = try TemporaryFolder(prefix: "lantern-sites")
            let site = scratch.url.appendingPathComponent("site")
            let moduleCount = 10
            try Self.checkIncremental(workspace, site: site, scratch: scratch)

            // Nothing changed: no module file is read.
            var cache = BuildCache.read(Self.state(workspace, site))
            var load = WorkspaceLoader().load(at: workspace.url, displayRoot: "WS", cache: cache)
            #expect(load.cacheRecord?.unreadBodies.count == moduleCount)
            #expect(load.workspace?.modules.allSatisfy { $0.bodyText.isEmpty } == true)
            #expect(load.diagnostics == WorkspaceLoader().load(at: workspace.url, displayRoot: "WS").diagnostics)

            // One body edited: only that file is read; a neighbour's title: the pages around it
            // are rendered from bodies read then.
            try Self.edit(workspace, "curriculum/topic-3.md") { $0 + "\nMore text.\n" }
            cache = BuildCache.read(Self.state(workspace, site))
            load = WorkspaceLoader().load(at: workspace.url, displayRoot: "WS", cache: cache)
            #expect(load.cacheRecord?.unreadBodies.count == moduleCount - 1)
            var build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
            #expect(build.report.reusedPages == moduleCount + 2 - 1)
            try Self.edit(workspace, "curriculum/topic-5.md") { $0.replacingOccurrences(of: "title: Topic 5", with: "title: Topic Five") }
            build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
            #expect(build.report.reusedPages == moduleCount + 2 - 5)
            // Every page rendered again, every body read then.
            try Self.edit(workspace, "lantern.yml") { $0.replacingOccurrences(of: "name: Test Training Org", with: "name: Another Org") }
            build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
            #expect(build.report.reusedPages == 0)

            // A file that changes between the load and the rendering of its page: the build stops.
            cache = BuildCache.read(Self.state(workspace, site))
            load = WorkspaceLoader().load(at: workspace.url, displayRoot: "WS", cache: cache)
            #expect(load.cacheRecord?.unreadBodies.contains("curriculum/topic-6.md") == true)
            try Self.edit(workspace, "curriculum/topic-6.md") { $0 + "\nChanged meanwhile.\n" }
            // A new stylesheet: every page is rendered, topic-6's from a file that is no longer what was loaded.
            try workspace.write("templates/style.css", "body { margin: 0; }\n")
            let options = SiteBuildOptions(output: site, cache: SiteBuildCache(previous: cache, record: load.cacheRecord!))
            #expect(throws: LanternError.self) { try SiteBuilder(workspace: load.workspace!).build(options) }
            #expect(FileManager.default.fileExists(atPath: site.path + "/modules/topic-6/index.html"), "the site is left as it was")
            try Self.checkIncremental(workspace, site: site, scratch: scratch)
        }
    }

    @Test("a damaged or truncated cache is ignored: a full build, the same site")
    func damagedCache() throws {
        let workspace = try Self.workspace()
        let scratch = try TemporaryFolder(prefix: "lantern-sites")
        let site = scratch.url.appendingPathComponent("site")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        let cachePath = Self.state(workspace, site).cacheFile.path
        let original = try #require(FileManager.default.contents(atPath: cachePath))
        #expect(BuildCache.read(Self.state(workspace, site)).state == .loaded)

        var damages: [(String, Data)] = [
            ("empty", Data()),
            ("truncated", original.prefix(original.count / 2)),
            ("header only", original.prefix(20)),
            ("extended", original + Data([0, 1, 2])),
        ]
        for offset in [9, 40, original.count / 3, original.count - 1] {
            var flipped = original
            flipped[offset] ^= 0x5A
            damages.append(("byte \(offset) flipped", flipped))
        }
        for (what, bytes) in damages {
            try bytes.write(to: URL(fileURLWithPath: cachePath))
            #expect(BuildCache.read(Self.state(workspace, site)).state == .damaged, "\(what)")
            try Self.edit(workspace, "curriculum/topic-1.md") { $0 + "\nMore.\n" }
            let build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
            #expect(build.state == .damaged, "\(what)")
            #expect(build.report.reusedPages == 0, "\(what)")
        }
        // The build after a damaged cache wrote a good one.
        #expect(BuildCache.read(Self.state(workspace, site)).state == .loaded)
    }

    @Test("random damage to the cache never crashes the reader")
    func fuzzedCache() throws {
        let workspace = try Self.workspace()
        let scratch = try TemporaryFolder(prefix: "lantern-sites")
        let site = scratch.url.appendingPathComponent("site")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        let original = try #require(FileManager.default.contents(atPath: Self.state(workspace, site).cacheFile.path))
        // With the checksum fixed up after each change, so the decoder itself meets the damage.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = [UInt8](original)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 16..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes.removeLast(Int.random(in: 0..<(bytes.count - 16), using: &generator)) }
            let checksum = bytes.withUnsafeBufferPointer { CacheChecksum.of(UnsafeBufferPointer(rebasing: $0[16...])) }
            withUnsafeBytes(of: checksum.littleEndian) { for index in 0..<8 { bytes[8 + index] = $0[index] } }
            let cache = BuildCache.decode(bytes)
            // Whatever it says, every lookup answers or declines.
            for (path, entry) in cache.entries {
                _ = cache.facts(forFile: path, digest: entry.digest, displayPath: "WS/" + path)
                if let facts = cache.siteFacts(entry) { _ = cache.headings(facts) }
            }
        }
        // The same for the record of the folder.
        let tree = try #require(FileManager.default.contents(atPath: Self.state(workspace, site).siteTree))
        #expect(TreeManifest.decode([UInt8](tree)) != nil)
        for _ in 0..<300 {
            var bytes = [UInt8](tree)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 16..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes.removeLast(Int.random(in: 0..<(bytes.count - 16), using: &generator)) }
            if bytes != [UInt8](tree) { #expect(TreeManifest.decode(bytes) == nil, "damage is caught by the checksum") }
            let checksum = bytes.withUnsafeBufferPointer { CacheChecksum.of(UnsafeBufferPointer(rebasing: $0[16...])) }
            withUnsafeBytes(of: checksum.littleEndian) { for index in 0..<8 { bytes[8 + index] = $0[index] } }
            _ = TreeManifest.decode(bytes)
        }
    }

    @Test("a kept page that was deleted from the site is rendered again")
    func missingKeptPage() throws {
        let workspace = try Self.workspace()
        let scratch = try TemporaryFolder(prefix: "lantern-sites")
        let site = scratch.url.appendingPathComponent("site")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        try FileManager.default.removeItem(atPath: site.path + "/modules/topic-2/index.html")
        try FileManager.default.removeItem(atPath: site.path + "/outline/index.html")
        let build = try Self.checkIncremental(workspace, site: site, scratch: scratch)
        #expect(build.report.reusedPages == 12 - 2)
        #expect(build.report.written == 2)
    }

    @Test("the cache names no path outside the workspace, and moves with it")
    func noAbsolutePaths() throws {
        let workspace = try Self.workspace()
        try Self.edit(workspace, "curriculum/topic-7.md") { $0.replacingOccurrences(of: "minutes: 70", with: "minutes: 70\nunknown_key: 1") }
        let scratch = try TemporaryFolder(prefix: "lantern-sites")
        let site = scratch.url.appendingPathComponent("site")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        let bytes = try #require(FileManager.default.contents(atPath: Self.state(workspace, site).cacheFile.path))
        #expect(bytes.range(of: Data("WS/".utf8)) == nil)
        #expect(bytes.range(of: Data(workspace.path.utf8)) == nil)
        #expect(bytes.range(of: Data(scratch.path.utf8)) == nil)

        // Loaded with another display root, the diagnostics name the new one.
        let cache = BuildCache.read(Self.state(workspace, site))
        let cached = WorkspaceLoader().load(at: workspace.url, displayRoot: "elsewhere", cache: cache)
        let uncached = WorkspaceLoader().load(at: workspace.url, displayRoot: "elsewhere")
        #expect(cached.diagnostics == uncached.diagnostics)
        #expect(cached.diagnostics.contains { $0.location?.path == "elsewhere/curriculum/topic-7.md" })
    }

    @Test("a load with cached facts gives the same workspace as one without")
    func sameWorkspace() throws {
        let workspace = try Self.workspace()
        let scratch = try TemporaryFolder(prefix: "lantern-sites")
        let site = scratch.url.appendingPathComponent("site")
        try Self.checkIncremental(workspace, site: site, scratch: scratch)
        let cache = BuildCache.read(Self.state(workspace, site))
        let cached = try #require(WorkspaceLoader().load(at: workspace.url, displayRoot: "WS", cache: cache).workspace)
        let uncached = try #require(WorkspaceLoader().load(at: workspace.url, displayRoot: "WS").workspace)
        #expect(cached.modules.count == uncached.modules.count)
        for (a, b) in zip(cached.modules, uncached.modules) {
            #expect(a.id == b.id && a.title == b.title && a.summary == b.summary && a.minutes == b.minutes)
            #expect(a.outcomes == b.outcomes && a.requires == b.requires && a.assessments == b.assessments && a.tags == b.tags)
            #expect(a.isCrisisRelated == b.isCrisisRelated && a.relativePath == b.relativePath && a.displayPath == b.displayPath)
            #expect(a.bodyText == b.bodyText && a.bodyLineOffset == b.bodyLineOffset)
        }
    }
}
