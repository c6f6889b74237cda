import Foundation
import LanternTestSupport
import Testing

/// Facilitator guides (issue 19): `curriculum/facilitator/<module>.md`, timed sessions checked
/// against the module's minutes, shown to trainers by `lantern read --facilitator` and
/// `lantern build --trainers`, never in the public site.
@Suite("Facilitator guides")
struct FacilitatorGuideTests {
    static let introGuide = """
    ---
    module: intro
    ---

    ## Before you teach

    - Read the module.

    ## Session 1: Welcome (30 min)

    ### Agreements (10 min)

    Build agreements with the group.

    ### What peer support is (20 min)

    Discuss. SECRET-TRAINER-NOTE

    ## Safety notes

    - Anyone may step out.

    """

    static let listeningGuide = """
    ---
    module: listening
    ---

    ## Session 1: Open questions (60 min)

    Practice in pairs.

    """

    func workspace(intro: String = introGuide, listening: String? = listeningGuide) throws -> TemporaryFolder {
        let workspace = try SampleWorkspace.create()
        try workspace.write("curriculum/facilitator/intro.md", intro)
        if let listening { try workspace.write("curriculum/facilitator/listening.md", listening) }
        return workspace
    }

    @Test("a well-formed guide checks clean")
    func clean() throws {
        let workspace = try workspace()
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!(check.stdout + check.stderr).contains("facilitator"), "\(check.stdout)\(check.stderr)")
    }

    @Test("check: times that do not add up, an unknown module, a missing guide", arguments: [
        (introGuide.replacingOccurrences(of: "(20 min)", with: "(25 min)"), listeningGuide as String?,
         "curriculum/facilitator/intro.md:9:1: error: the activities of 'Session 1: Welcome' add up to 35 minutes, not the session's 30"),
        (introGuide, listeningGuide.replacingOccurrences(of: "(60 min)", with: "(45 min)"),
         "curriculum/facilitator/listening.md:5:1: error: the sessions add up to 45 minutes, but module 'listening' says 'minutes: 60'"),
        (introGuide, nil,
         "curriculum/facilitator:1:1: warning: module 'listening' has no facilitator guide"),
        (introGuide.replacingOccurrences(of: "## Session 1: Welcome (30 min)", with: "## Session 1: Welcome"), listeningGuide,
         "curriculum/facilitator/intro.md:11:1: error: activity 'Agreements' is not under a timed session"),
    ] as [(String, String?, String)])
    func mistakes(intro: String, listening: String?, expected: String) throws {
        let workspace = try workspace(intro: intro, listening: listening)
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect((check.stdout + check.stderr).contains(expected), "\(check.stdout)\(check.stderr)")
        #expect(check.status == (expected.contains("error:") ? 1 : 0))
    }

    @Test("check: a guide for a module that does not exist is an error")
    func unknownModule() throws {
        let workspace = try workspace()
        try workspace.write("curriculum/facilitator/intor.md", Self.introGuide.replacingOccurrences(of: "module: intro", with: "module: intor"))
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 1)
        #expect((check.stdout + check.stderr).contains("curriculum/facilitator/intor.md:1:1: error: facilitator guide 'intor.md' is for module 'intor', which does not exist"),
                "\(check.stdout)\(check.stderr)")
    }

    @Test("read --facilitator shows the guide with its session times; read alone never does")
    func read() throws {
        let workspace = try workspace()
        let guide = try LanternProcess.run(["read", "intro", "--facilitator", "--plain"], in: workspace.url)
        #expect(guide.status == 0, "\(guide.stderr)")
        #expect(guide.stdout.contains("Facilitator guide: Introduction"))
        #expect(guide.stdout.contains("30 of the module's 30 minutes"))
        #expect(guide.stdout.contains("SECRET-TRAINER-NOTE"))
        let module = try LanternProcess.run(["read", "intro", "--plain"], in: workspace.url)
        #expect(module.status == 0 && !module.stdout.contains("SECRET-TRAINER-NOTE"))
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("curriculum/facilitator/listening.md"))
        let missing = try LanternProcess.run(["read", "listening", "--facilitator"], in: workspace.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("module 'listening' has no facilitator guide"), "\(missing.stderr)")
    }

    @Test("the public site never holds a guide; --trainers builds them into their own folder, noindex")
    func build() throws {
        let workspace = try workspace()
        let site = try LanternProcess.run(["build"], in: workspace.url)
        #expect(site.status == 0, "\(site.stderr)")
        let siteFolder = workspace.url.appendingPathComponent("site")
        #expect(!FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent("trainers").path))
        let files = FileManager.default.enumerator(atPath: siteFolder.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".js") || file.hasSuffix(".xml") {
            let text = try String(contentsOf: siteFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("SECRET-TRAINER-NOTE"), "\(file) shows a facilitator guide")
        }

        let refused = try LanternProcess.run(["build", "--trainers"], in: workspace.url)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("--trainers needs --output"))
        let intoSite = try LanternProcess.run(["build", "--trainers", "--output", "site"], in: workspace.url)
        #expect(intoSite.status == 2, "\(intoSite.stderr)")

        let trainers = try LanternProcess.run(["build", "--trainers", "--output", "trainers-site"], in: workspace.url)
        #expect(trainers.status == 0, "\(trainers.stderr)")
        let page = try String(contentsOf: workspace.url.appendingPathComponent("trainers-site/trainers/intro/index.html"), encoding: .utf8)
        #expect(page.contains("SECRET-TRAINER-NOTE"))
        #expect(page.contains("noindex"))
        let index = try String(contentsOf: workspace.url.appendingPathComponent("trainers-site/trainers/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"intro/\"") && index.contains("href=\"listening/\""))
        let sitemap = try String(contentsOf: workspace.url.appendingPathComponent("trainers-site/sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("trainers"))
    }
}
