import Foundation
import LanternSite
import LanternTestSupport
import Testing

@Suite("site pages match their golden files")
struct GoldenPageTests {
    static let pages = [
        "index.html", "modules/intro/index.html", "modules/listening/index.html", "outline/index.html",
        "crisis-resources/index.html", "search/index.html", "credentials/c-0001/index.html",
        "credentials/c-0002/index.html", "sitemap.xml", "assets/search-index.js",
    ]

    @Test("the sample workspace's pages", arguments: pages)
    func page(_ path: String) throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let report = try SiteBuilder(workspace: SiteFixtures.load(workspace))
            .build(SiteBuildOptions(output: output.url.appendingPathComponent("site"), checkLinks: true,
                                    verification: SiteFixtures.verification))
        #expect(report.linkProblems.isEmpty, "\(report.linkProblems)")
        let actual = try output.read("site/" + path)
        let golden = RepositoryPaths.packageRoot().appendingPathComponent("Tests/LanternSiteTests/Golden")
            .appendingPathComponent(path.replacingOccurrences(of: "/", with: "__"))
        switch Golden.compare(actual, to: golden) {
        case .matched: break
        case .recorded(let file): Issue.record("recorded \(file): review it and run the test again")
        case .differs(let file, let expected): Issue.record("\(file) differs: \(Golden.firstDifference(expected, actual))")
        }
    }
}
