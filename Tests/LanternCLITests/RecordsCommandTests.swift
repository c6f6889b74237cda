import Foundation
import LanternTestSupport
import Testing

/// Records commands end to end: happy paths and every kind of bad input, each a clear error,
/// a non-zero exit, and no personal data in what is printed on error.
@Suite("records commands")
struct RecordsCommandTests {
    @Test("the default database is .lantern/records.sqlite, mode 0600 in a 0700 folder")
    func defaultDatabase() throws {
        let workspace = try SampleWorkspace.create()
        let added = try LanternProcess.run(["trainee", "add", "--name", "Ann Lee"], in: workspace.url)
        #expect(added.status == 0, "\(added.stderr)")
        let file = workspace.url.appendingPathComponent(".lantern/records.sqlite").path
        let fileMode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: workspace.url.appendingPathComponent(".lantern").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let list = try LanternProcess.run(["trainee", "list"], in: workspace.url)
        #expect(list.stdout.contains(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        // LANTERN_DB chooses another file.
        let other = workspace.url.appendingPathComponent("other.sqlite").path
        let elsewhere = try LanternProcess.run(["trainee", "list", "--format", "json"], in: workspace.url, environment: ["LANTERN_DB": other])
        #expect(elsewhere.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || elsewhere.stdout.contains("[]"))
    }

    @Test("checklist observation, supersede, transcript and cohort report")
    func checklistAndReports() throws {
        let workspace = try SampleWorkspace.create()
        func lantern(_ arguments: [String]) throws -> LanternProcess.Result {
            try LanternProcess.run(arguments + (arguments.contains("--as") ? [] : ["--as", "tester"]), in: workspace.url)
        }
        #expect(try lantern(["assessor", "add", "ann", "--name", "Ann Assessor", "--role", "assessor", "--as", "admin"]).status == 0)
        let trainee = try lantern(["trainee", "add", "--name", "Bo Trainee", "--email", "bo@example.org"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try lantern(["enroll", trainee, "--cohort", "spring"]).status == 0)
        let ratings = try workspace.write("ratings.yml", """
            method: role-play
            date: 2026-11-01
            ratings:
              confidentiality: competent
              open-questions:
                rating: with-prompting
                evidence: Asked two closed questions first.
            """)
        let first = try lantern(["checklist", "record", "listening-skills", "--trainee", trainee, "--assessor", "ann", "--ratings", ratings.path])
        #expect(first.status == 0, "\(first.stderr)")
        let firstID = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try lantern(["checklist", "record", "listening-skills", "--trainee", trainee, "--assessor", "ann", "--method", "role-play",
                                  "--date", "2026-11-02", "--rating", "confidentiality=competent", "--rating", "open-questions=competent",
                                  "--supersedes", firstID])
        #expect(second.status == 0, "\(second.stderr)")
        let again = try lantern(["checklist", "record", "listening-skills", "--trainee", trainee, "--assessor", "ann", "--method", "role-play",
                                 "--rating", "confidentiality=competent", "--rating", "open-questions=competent", "--supersedes", firstID])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already superseded"))

        let progress = try lantern(["progress", trainee, "--json"])
        #expect(progress.status == 0)
        #expect(progress.stdout.contains("\"competentOccasions\" : 1"))
        #expect(progress.stdout.contains("\"observations\" : 1"))

        let csv = try lantern(["report", "cohort", "spring", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("cohort,trainee,name") == true)
        // One competent occasion of a checklist that needs two: not yet met.
        #expect(lines.last?.hasPrefix("spring,\(trainee),Bo Trainee,0,0,0,0,") == true)

        #expect(progress.stdout.contains("\"status\" : \"not-yet\""))
        // A second competent occasion on another day: Competent by the engine's rules.
        let third = try lantern(["checklist", "record", "listening-skills", "--trainee", trainee, "--assessor", "ann", "--method", "role-play",
                                 "--date", "2026-11-05", "--rating", "confidentiality=competent", "--rating", "open-questions=competent"])
        #expect(third.status == 0, "\(third.stderr)")
        let met = try lantern(["report", "cohort", "--format", "json"])
        #expect(met.stdout.contains("\"checklistsCompetent\" : 1"), "\(met.stdout)")
        #expect(try lantern(["progress", trainee, "--json"]).stdout.contains("\"status\" : \"competent\""))

        let show = try lantern(["trainee", "show", trainee])
        #expect(show.stdout.contains("observation.record  by tester"))
        #expect(show.stdout.contains("enrolment.add  by tester"))
    }

    @Test("unknown trainee, assessor, checklist and cohort are clear errors without personal data")
    func unknownReferences() throws {
        let fixture = try RecordsFixture()
        let workspace = try SampleWorkspace.create()
        let cases: [([String], String)] = [
            (["hours", "log", "t-nobody", "--hours", "1", "--supervisor", "sup"], "no trainee 't-nobody'"),
            (["hours", "log", fixture.traineeID, "--hours", "1", "--supervisor", "ghost"], "no assessor 'ghost'"),
            (["progress", "t-nobody"], "no trainee 't-nobody'"),
            (["progress", "pat@example.org"], "no trainee with the given id"),
            (["trainee", "add", "--name", "Pat Example", "--email", "PAT@example.org"], "another trainee already has this email address"),
            (["report", "cohort", "nope"], "no cohort 'nope'"),
            (["checklist", "record", "nope", "--trainee", fixture.traineeID, "--assessor", "sup", "--rating", "a=b", "-C", workspace.path], "no checklist 'nope'"),
            (["checklist", "record", "listening-skills", "--trainee", "t-nobody", "--assessor", "sup", "--method", "role-play",
              "--rating", "confidentiality=competent", "--rating", "open-questions=competent", "-C", workspace.path], "no trainee 't-nobody'"),
            (["hours", "log", fixture.traineeID, "--hours", "30", "--supervisor", "sup"], "at most 24"),
            (["hours", "log", fixture.traineeID, "--hours", "1", "--supervisor", "sup", "--date", "2026-02-30"], "not a date"),
        ]
        for (arguments, expected) in cases {
            let result = try fixture.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Pat Example") && !result.stderr.contains("pat@example.org"))
        }
    }

    @Test("a malformed ratings file is reported at path:line:col")
    func malformedRatings() throws {
        let fixture = try RecordsFixture()
        let workspace = try SampleWorkspace.create()
        let files: [(String, String)] = [
            ("ratings:\n  confidentiality: competent\n  open-question: competent\n", "bad.yml:3:3: error: checklist 'listening-skills' has no criterion 'open-question'"),
            ("ratings:\n  confidentiality: great\n  open-questions: competent\n", "bad.yml:2:20: error: 'great' is not on the scale"),
            ("ratings:\n  confidentiality: competent\n", "no rating for 'open-questions'"),
            ("ratings: [competent\n", "bad.yml:1:10: error: YAML syntax error"),
            ("{\"ratings\": {\"confidentiality\": \"competent\", \"open-questions\": [\"x\"]}}", "should have one level, not a list"),
        ]
        for (text, expected) in files {
            let file = try workspace.write("bad.yml", text)
            let result = try fixture.run(["checklist", "record", "listening-skills", "--trainee", fixture.traineeID, "--assessor", "sup",
                                          "--method", "role-play", "--ratings", file.path, "-C", workspace.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains(expected), "\(text): \(result.stderr)")
        }
        let counts = try fixture.run(["db", "check", "--json"])
        #expect(counts.stdout.contains("\"observation\" : 0"))
    }

    @Test("a CSV with bad rows imports nothing, or only the valid rows with --skip-invalid")
    func csvImport() throws {
        let fixture = try RecordsFixture()
        let csv = try fixture.folder.write("people.csv", """
            name,email,external_id,public_name
            Ana Ok,ana@example.org,E1,yes
            ,nobody@example.org,E2,no
            Cy Bad,not-an-email,E3,no
            Di Ok,di@example.org,E4,maybe
            "Ed, Jr",ed@example.org,E5,no
            Fay Dup,ana@example.org,E6,no
            Gus Short,gus@example.org
            Pat Again,pat@example.org,E8,no
            """)
        let refused = try fixture.run(["trainee", "import", csv.path])
        #expect(refused.status == 1)
        for expected in ["people.csv:3:1: error: row 3, column 1 (name): is empty",
                         "row 4, column 2 (email): is not an email address",
                         "row 5, column 4 (public_name): write yes or no",
                         "row 7, column 2 (email): same as row 2",
                         "row 8, column 3: has 2 fields, the header has 4",
                         "row 9: ", "imported nothing"] {
            #expect(refused.stderr.contains(expected), "missing '\(expected)' in \(refused.stderr)")
        }
        for secret in ["nobody@example.org", "not-an-email", "Cy Bad", "pat@example.org"] {
            #expect(!refused.stderr.contains(secret))
        }
        let before = try fixture.run(["trainee", "list", "--format", "json"])
        #expect(!before.stdout.contains("Ana Ok"))

        let partial = try fixture.run(["trainee", "import", csv.path, "--skip-invalid"])
        #expect(partial.status == 1)
        #expect(partial.stdout.contains("imported 2 trainees, skipped 6 bad rows"), "\(partial.stdout)")
        let after = try fixture.run(["trainee", "list", "--format", "csv"])
        #expect(after.stdout.contains("Ana Ok") && after.stdout.contains("\"Ed, Jr\""))
        #expect(!after.stdout.contains("Di Ok"))
    }

    @Test("a file that is not SQLite, a foreign SQLite file and a damaged database are refused")
    func badDatabaseFiles() throws {
        let folder = try TemporaryFolder()
        let text = try folder.write("notes.txt", String(repeating: "This is not a database.\n", count: 200))
        let result = try LanternProcess.run(["trainee", "list", "--db", text.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not an SQLite database"), "\(result.stderr)")
        #expect(try folder.read("notes.txt").hasPrefix("This is not a database."))

        let missing = try LanternProcess.run(["db", "check", "--db", folder.url.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no records database"))

        // A damaged database: a real one with its pages overwritten in the middle.
        let fixture = try RecordsFixture()
        for index in 0..<20 { _ = try fixture.run(["hours", "log", fixture.traineeID, "--hours", "1", "--ce", "c\(index)"]) }
        var data = try Data(contentsOf: URL(fileURLWithPath: fixture.database))
        let start = 4096 * 2
        data.replaceSubrange(start..<min(data.count, start + 4096 * 6), with: Data(repeating: 0x5A, count: min(data.count - start, 4096 * 6)))
        try data.write(to: URL(fileURLWithPath: fixture.database))
        let damaged = try fixture.run(["db", "check"])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("damaged") || damaged.stderr.contains("integrity"), "\(damaged.stderr)")
    }

    @Test("erase removes personal data, keeps the evidence and the chain")
    func erase() throws {
        let fixture = try RecordsFixture()
        #expect(try fixture.run(["hours", "log", fixture.traineeID, "--hours", "3", "--supervisor", "sup", "--signed-off"]).status == 0)
        let erased = try fixture.run(["trainee", "erase", fixture.traineeID, "--yes"])
        #expect(erased.status == 0, "\(erased.stderr)")
        let export = try fixture.run(["trainee", "export"])
        #expect(!export.stdout.contains("Pat Example") && !export.stdout.contains("pat@example.org"))
        #expect(export.stdout.contains(fixture.traineeID))
        let progress = try fixture.run(["progress", fixture.traineeID, "--json"])
        #expect(progress.stdout.contains("\"practicumHoursSignedOff\" : 3"))
        #expect(try fixture.run(["trainee", "erase", fixture.traineeID, "--yes"]).status == 1)
        #expect(try fixture.run(["db", "check"]).status == 0)
        let raw = try Data(contentsOf: URL(fileURLWithPath: fixture.database))
        #expect(raw.range(of: Data("pat@example.org".utf8)) == nil, "the email is still in the database file")
    }
}
