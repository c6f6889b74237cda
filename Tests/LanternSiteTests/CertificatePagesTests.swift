import Foundation
import LanternSite
import LanternTestSupport
import Testing

/// What an employer sees (issue 16): the achievement's page and badge at the address every
/// credential names, a "verify a certificate" box on the home page, and a revoked certificate's
/// page that leads with its status and date and offers no LinkedIn link.
@Suite struct CertificatePagesTests {
    func build(_ verification: VerificationSite = SiteFixtures.verification) throws -> TemporaryFolder {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        let report = try SiteBuilder(workspace: SiteFixtures.load(workspace))
            .build(SiteBuildOptions(output: output.url.appendingPathComponent("site"), checkLinks: true, verification: verification))
        #expect(report.linkProblems.isEmpty, "\(report.linkProblems)")
        return output
    }

    @Test func achievementPageAndBadgeAreAtTheCredentialsAddress() throws {
        let output = try build()
        let folder = "site/achievements"
        let programs = try FileManager.default.contentsOfDirectory(atPath: output.url.appendingPathComponent(folder).path)
        #expect(programs.count == 1)
        let page = try output.read("\(folder)/\(programs[0])/index.html")
        #expect(page.contains("What it certifies"))
        #expect(page.contains("hours</strong> of supervised practicum") || page.contains("of learning"))
        let badge = try output.read("\(folder)/\(programs[0])/badge.svg")
        #expect(badge.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(badge.contains("role=\"img\""))
    }

    @Test func homePageHasTheVerifyBox() throws {
        let output = try build()
        let home = try output.read("site/index.html")
        #expect(home.contains("id=\"verify-form\""))
        #expect(home.contains("assets/verify-home.js"))
        #expect(try output.read("site/assets/verify-home.js").contains("is not published here"))
    }

    @Test func revokedPageLeadsWithStatusAndDateAndHasNoLinkedIn() throws {
        var verification = SiteFixtures.verification
        verification.credentials[1].statusDate = "2026-02-03"
        let output = try build(verification)
        let revoked = try output.read("site/credentials/c-0002/index.html")
        let notice = try #require(revoked.range(of: "Revoked on 2026-02-03"))
        let heading = try #require(revoked.range(of: "<h1>"))
        #expect(notice.lowerBound < heading.lowerBound, "the status comes before everything else")
        #expect(!revoked.contains("linkedin.com"))
        #expect(try output.read("site/credentials/c-0001/index.html").contains("linkedin.com/profile/add"))
        #expect(revoked.contains("id=\"holder-form\""), "the holder check is on every certificate page")
    }
}
