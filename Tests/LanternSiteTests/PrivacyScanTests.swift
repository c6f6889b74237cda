import Foundation
import LanternSite
import LanternTestSupport
import Testing

/// Nothing private may reach the site: answer keys, feedback, attempts, grades, evidence
/// notes, emails, keys. The workspace is seeded with sentinel values in every such place and
/// the whole output is scanned for them.
@Suite("the site never publishes private data")
struct PrivacyScanTests {
    static let sentinels = [
        "SENTINEL-ORG-EMAIL@example.org", "SENTINEL_STEM", "SENTINEL_RIGHT_OPTION", "SENTINEL_WRONG_OPTION",
        "SENTINEL_OPTION_FEEDBACK", "SENTINEL_GENERAL_FEEDBACK", "SENTINEL_BAND", "SENTINEL_INTRO",
        "SENTINEL_CRITERION", "SENTINEL_GRADE_97", "SENTINEL_EVIDENCE_NOTE", "SENTINEL-TRAINEE@example.org",
        "SENTINEL_PRIVATE_KEY", "SENTINEL_HIDDEN_HOLDER",
    ]

    @Test("a workspace full of sentinel values publishes none of them")
    func sentinelScan() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("lantern.yml", """
            organisation:
              name: Test Training Org
              url: https://example.org/
              email: SENTINEL-ORG-EMAIL@example.org
            site:
              base_url: https://training.example.org/
            region: US

            """)
        try workspace.write("assessments/intro-quiz.md", """
            ---
            id: intro-quiz
            kind: quiz
            module: intro
            title: Introduction check
            pass: 80%
            bands:
              - from: 0%
                text: SENTINEL_BAND
            ---

            SENTINEL_INTRO

            ## Who decides SENTINEL_STEM? {#who}

            - [x] SENTINEL_RIGHT_OPTION
              > SENTINEL_OPTION_FEEDBACK
            - [ ] SENTINEL_WRONG_OPTION

            > SENTINEL_GENERAL_FEEDBACK

            """)
        try workspace.write("assessments/listening-skills.md", """
            ---
            id: listening-skills
            kind: checklist
            module: listening
            title: Listening in a role-play
            occasions: 2
            scale: [not-yet, with-prompting, competent]
            pass_level: competent
            methods: [role-play]
            ---

            - (critical) SENTINEL_CRITERION explains confidentiality. {#confidentiality}

            """)
        // Records and keys live in .lantern/; none of it is the site's input.
        try workspace.write(".lantern/records.sqlite", "SENTINEL_GRADE_97 SENTINEL_EVIDENCE_NOTE SENTINEL-TRAINEE@example.org")
        try workspace.write(".lantern/keys/issuer-1.pem", "-----BEGIN PRIVATE KEY-----\nSENTINEL_PRIVATE_KEY\n-----END PRIVATE KEY-----\n")
        var verification = SiteFixtures.verification
        verification.credentials[1].holderName = nil   // no consent: the name must not appear anywhere

        let output = try TemporaryFolder(prefix: "lantern-site")
        let input = try SiteFixtures.writeVerificationInput(verification, to: output)
        let result = try LanternProcess.run(["build", "--check-links", "--output", output.path + "/site",
                                             "--verification-input", input, "-C", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")

        let files = SiteFixtures.files(in: output.url.appendingPathComponent("site"))
        #expect(files.count > 10)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for sentinel in Self.sentinels {
                #expect(!text.contains(sentinel), "\(sentinel) was published in \(path)")
            }
            #expect(!text.contains("BEGIN PRIVATE KEY"), "a private key in \(path)")
        }
        // What may be said of a quiz: its title.
        let intro = String(decoding: files["modules/intro/index.html"] ?? Data(), as: UTF8.self)
        #expect(intro.contains("Introduction check"))
        // The consenting holder's name is shown on their own page only.
        let holders = files.filter { String(decoding: $0.value, as: UTF8.self).contains("Alex Rivera") }.keys.sorted()
        #expect(holders == ["credentials/c-0001/index.html"])
    }

    @Test("credential pages are not indexed and are not in the sitemap")
    func noindex() throws {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-site")
        _ = try SiteBuilder(workspace: SiteFixtures.load(workspace))
            .build(SiteBuildOptions(output: output.url.appendingPathComponent("site"), verification: SiteFixtures.verification))
        let page = try output.read("site/credentials/c-0002/index.html")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(!page.contains("Alex Rivera"))
        #expect(try !output.read("site/sitemap.xml").contains("credentials"))
        #expect(try !output.read("site/index.html").contains("noindex"))
        #expect(try output.read("site/credentials/c-0001/credential.jwt") == "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6MX0.c2ln\n")
        #expect(try output.read("site/issuer.json") == SiteFixtures.verification.issuerJSON)
    }
}
