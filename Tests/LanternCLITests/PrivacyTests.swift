import Foundation
import LanternTestSupport
import Testing

/// Error messages name people by id only: every failing command run against a trainee whose
/// name, preferred name and email are sentinels prints none of them.
@Suite("privacy: failing commands print ids, never personal data")
struct PrivacyTests {
    /// Values that must never appear in output (each unique enough not to occur by chance).
    static let name = "Zelda Sentinelname"
    static let preferred = "Qxsentinelpref"
    static let email = "sentinel.mail@leak.example"
    static let sentinels = [name, "Sentinelname", preferred, email, "sentinel.mail", "leak.example"]

    static func assertQuiet(_ result: LanternProcess.Result, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != 0, "\(label) should fail: \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        for sentinel in sentinels {
            #expect(!result.stdout.contains(sentinel) && !result.stderr.contains(sentinel),
                    "\(label) printed '\(sentinel)':\n\(result.stdout)\n\(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test("every failing records command keeps names and emails out of its output")
    func failingCommands() throws {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let db = ["--db", fixture.database]
        let ws = ["-C", workspace.path]
        let added = try LanternProcess.run(["trainee", "add", "--name", Self.name, "--preferred-name", Self.preferred,
                                            "--email", Self.email, "--external-id", "EXT-77"] + db)
        try #require(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let badAnswers = try workspace.write("answers.yml", "goals: 9\nnope: 1\n")
        let badRatings = try workspace.write("ratings.yml", "ratings:\n  confidentiality: superb\n")
        let clashCSV = try workspace.write("clash.csv", "name,email\n\(Self.name),\(Self.email)\n\(Self.name) Two,sentinel.mail@\n")
        let badCSV = try workspace.write("bad.csv", "name,email,public_name\n\(Self.name),\(Self.email)x,\(Self.preferred)\n")

        let runs: [(String, [String])] = [
            ("duplicate email", ["trainee", "add", "--name", Self.name, "--email", Self.email] + db),
            ("duplicate external id", ["trainee", "add", "--name", Self.name, "--external-id", "EXT-77"] + db),
            ("invalid email", ["trainee", "add", "--name", Self.name, "--email", "sentinel.mail-at-leak.example"] + db),
            ("empty name", ["trainee", "add", "--name", " ", "--email", Self.email] + db),
            ("import clashing and bad rows", ["trainee", "import", clashCSV.path] + db),
            ("import bad cells", ["trainee", "import", badCSV.path] + db),
            ("import bad cells as JSON", ["trainee", "import", badCSV.path, "--json"] + db),
            ("quiz with bad answers", ["quiz", "take", "intro-quiz", "--trainee", id, "--answers", badAnswers.path] + ws + db),
            ("checklist with bad ratings", ["checklist", "record", "listening-skills", "--trainee", id, "--assessor", "sup",
                                            "--ratings", badRatings.path] + ws + db),
            ("checklist with unknown assessor", ["checklist", "record", "listening-skills", "--trainee", id, "--assessor", "nobody",
                                                 "--rating", "confidentiality=competent", "--rating", "open-questions=competent"] + ws + db),
            ("hours with no supervisor", ["hours", "log", id, "--hours", "2", "--supervisor", "nobody"] + db),
            ("negative hours", ["hours", "log", id, "--hours", "-2", "--supervisor", "sup"] + db),
            ("hours with a bad date", ["hours", "log", id, "--hours", "2", "--supervisor", "sup", "--date", "tomorrow"] + db),
            ("enrol with a bad cohort", ["enroll", id, "--cohort", "Spring 2026!"] + ws + db),
            ("progress with no such database", ["progress", id, "--db", "/nonexistent/records.sqlite"]),
            ("trainee add with a bad database", ["trainee", "add", "--name", Self.name, "--email", Self.email, "--db", badAnswers.path]),
            ("unknown trainee", ["trainee", "show", "t-0000000000"] + db),
        ]
        for (label, arguments) in runs {
            Self.assertQuiet(try LanternProcess.run(arguments, in: workspace.url), label)
        }

        // After erasure: changing the trainee fails, and still says nothing about them.
        #expect(try LanternProcess.run(["trainee", "erase", id, "--yes"] + db).status == 0)
        Self.assertQuiet(try LanternProcess.run(["trainee", "erase", id, "--yes"] + db), "erase twice")
        Self.assertQuiet(try LanternProcess.run(["trainee", "import", clashCSV.path] + db), "import after erasure")
    }

    @Test("the audit log holds ids and counts only")
    func auditLogHoldsIDs() throws {
        let fixture = try RecordsFixture()
        let added = try fixture.run(["trainee", "add", "--name", Self.name, "--preferred-name", Self.preferred, "--email", Self.email])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let csv = try fixture.folder.write("more.csv", "name,email\n\(Self.name) Junior,junior.\(Self.email)\n")
        #expect(try fixture.run(["trainee", "import", csv.path]).status == 0)
        #expect(try fixture.run(["trainee", "erase", id, "--yes"]).status == 0)
        let shown = try fixture.run(["trainee", "show", id, "--json"])
        #expect(shown.status == 0)
        for sentinel in Self.sentinels {
            #expect(!shown.stdout.contains(sentinel), "'\(sentinel)' in the erased trainee's history: \(shown.stdout)")
        }
        // Nothing in the file, either: erasure overwrote the old pages and checkpointed the log.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.database))
        #expect(bytes.range(of: Data(Self.preferred.utf8)) == nil, "the erased preferred name is still in the database file")
    }

    @Test("a site built from a workspace with real records full of sentinels publishes none of them")
    func siteFromRealRecords() throws {
        let workspace = try SampleWorkspace.create()
        // Answer keys of every kind of question (the site engineer's scan covers choice questions).
        try workspace.write("assessments/intro-quiz.md", """
            ---
            id: intro-quiz
            kind: quiz
            module: intro
            title: Introduction quiz
            pass: 80%
            ---

            ## Name the skill. {#skill type=short}

            = SENTINELSHORTANSWER

            ## How many? {#many type=numeric}

            = 987654321

            ## Who sets the goals in peer support? {#goals outcome=lo1}

            - [x] The person receiving support.
            - [ ] The peer worker.

            """)
        let check = try LanternProcess.run(["check"], in: workspace.url)
        try #require(check.status == 0, "\(check.stderr)")
        // Real records in the workspace's own database: a trainee who did not consent to show their
        // name, an observation with evidence notes, hours with a note, a graded attempt.
        let db = ["--db", workspace.url.appendingPathComponent(".lantern/records.sqlite").path, "-C", workspace.path]
        #expect(try LanternProcess.run(["assessor", "add", "sup", "--name", "Sam SentinelAssessor", "--email", "assessor.sentinel@leak.example",
                                        "--role", "assessor", "--role", "supervisor"] + db).status == 0)
        let added = try LanternProcess.run(["trainee", "add", "--name", Self.name, "--preferred-name", Self.preferred,
                                            "--email", Self.email, "--external-id", "EXT-SENTINEL-42"] + db)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ratings = try workspace.write("ratings.yml", """
            method: role-play
            ratings:
              confidentiality:
                rating: competent
                evidence: SENTINEL_EVIDENCE_REAL explained the limits clearly.
              open-questions: with-prompting

            """)
        let recorded = try LanternProcess.run(["checklist", "record", "listening-skills", "--trainee", id, "--assessor", "sup",
                                               "--ratings", ratings.path] + db)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try LanternProcess.run(["hours", "log", id, "--hours", "3", "--supervisor", "sup", "--note", "SENTINEL_HOURS_NOTE"] + db).status == 0)
        let answers = try workspace.write("answers.yml", "skill: SENTINELWRONGREPLY\nmany: 123456789\ngoals: 2\n")
        let taken = try LanternProcess.run(["quiz", "take", "intro-quiz", "--trainee", id, "--answers", answers.path] + db)
        #expect(taken.status == 0, "\(taken.stderr)")

        let built = try LanternProcess.run(["build"], in: workspace.url)
        try #require(built.status == 0, "\(built.stderr)")
        let site = Corpus.snapshot(workspace.url.appendingPathComponent("site"))
        #expect(site.count > 5)
        let secrets = Self.sentinels + ["SENTINELSHORTANSWER", "987654321", "SENTINELWRONGREPLY", "123456789", "SENTINEL_EVIDENCE_REAL",
                                        "SENTINEL_HOURS_NOTE", "SentinelAssessor", "assessor.sentinel", "EXT-SENTINEL-42", id]
        for (path, data) in site {
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets {
                #expect(!text.contains(secret), "'\(secret)' published in \(path)")
            }
        }
        for secret in secrets where secret != id {
            #expect(!built.stdout.contains(secret) && !built.stderr.contains(secret), "'\(secret)' printed by lantern build")
        }
    }
}

/// The copies of the site a build keeps (issue 20: the third release's `.site.old` kept an
/// erased name until the next build).
@Suite("privacy: erasure and the site's copies")
struct ErasureSiteCopyTests {
    @Test("trainee erase deletes the previous site and the cache every output keeps; the next build still works")
    func eraseForgetsPreviousSites() throws {
        let workspace = try SampleWorkspace.create()
        let db = ["--db", workspace.path + "/.lantern/records.sqlite"]
        let added = try LanternProcess.run(["trainee", "add", "--name", "Pat Example"] + db, in: workspace.url)
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for _ in 0..<2 { #expect(try LanternProcess.run(["build"], in: workspace.url).status == 0) }
        func kept(_ name: String) throws -> [String] {
            try LanternProcess.runTool("/usr/bin/find", [workspace.path + "/.lantern/build", "-name", name]).stdout
                .split(separator: "\n").map(String.init)
        }
        #expect(try kept("previous").count == 1, "a second build keeps the previous site")
        #expect(try kept("cache").count == 1)
        #expect(try LanternProcess.run(["trainee", "erase", id, "--yes"] + db, in: workspace.url).status == 0)
        #expect(try kept("previous").isEmpty)
        #expect(try kept("cache").isEmpty)
        #expect(try LanternProcess.run(["build"], in: workspace.url).status == 0)
    }
}
