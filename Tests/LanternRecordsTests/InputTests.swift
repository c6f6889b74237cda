import LanternDiagnostics
import LanternRecords
import Testing

@Suite("trainee CSV and ratings files")
struct InputTests {
    @Test("CSV problems carry row and column, never the value")
    func csvProblems() {
        let parsed = TraineeCSV.parse("""
            name,email,nickname
            A,a@example.org,x
            """)
        #expect(parsed.problems.map(\.description) == ["row 1, column 3 (nickname): unknown column; the columns are id, name, preferred_name, email, external_id, public_name"])
        let rows = TraineeCSV.parse("name,email\n\"Lee, Ann\",b@example.org\n\"Q \"\"uoted\"\"\",bad@\n")
        #expect(rows.trainees.count == 1)
        #expect(rows.trainees.first?.trainee.name == "Lee, Ann")
        #expect(rows.problems.map(\.description) == ["row 3, column 2 (email): is not an email address (expected name@example.org)"])
    }

    @Test("export then parse gives the same trainees")
    func roundTrip() throws {
        let trainees = [Trainee(id: "t-1", name: "Ann, \"Annie\" Lee", preferredName: "Annie", email: "ann@example.org",
                                externalID: "E1", publicNameConsent: true, createdAt: "2026-11-01T00:00:00.000Z")]
        let parsed = TraineeCSV.parse(try TraineeCSV.export(trainees))
        #expect(parsed.problems == [])
        #expect(parsed.trainees.first?.trainee == NewTrainee(id: "t-1", name: "Ann, \"Annie\" Lee", preferredName: "Annie",
                                                            email: "ann@example.org", externalID: "E1", publicNameConsent: true))
    }

    @Test("competence needs every required criterion at the pass level")
    func competence() {
        let checklist = ChecklistDefinition(id: "c", criteria: [.init(id: "a", optional: false), .init(id: "b", optional: true)],
                                            scale: ["not-yet", "with-prompting", "competent"], passLevel: "with-prompting",
                                            methods: [], occasions: 2, contentHash: "")
        #expect(checklist.isCompetent([.init(criterion: "a", rating: "competent")]))
        #expect(checklist.isCompetent([.init(criterion: "a", rating: "with-prompting"), .init(criterion: "b", rating: "not-yet")]))
        #expect(!checklist.isCompetent([.init(criterion: "a", rating: "not-yet")]))
        #expect(!checklist.isCompetent([.init(criterion: "b", rating: "competent")]))
    }
}

@Suite("ratings files")
struct RatingsFileTests {
    static let checklist = ChecklistDefinition(id: "listening", criteria: [.init(id: "open", optional: false), .init(id: "summary", optional: true)],
                                               scale: ["not-yet", "competent"], passLevel: "competent", methods: ["role-play"],
                                               occasions: 1, contentHash: "")

    @Test("the mapping, list and top-level forms give the same ratings", arguments: [
        "ratings:\n  open: competent\n  summary:\n    rating: not-yet\n    evidence: Did not summarise.\n",
        "ratings:\n  - criterion: open\n    rating: competent\n  - id: summary\n    level: not-yet\n    note: Did not summarise.\n",
        "open: competent\nsummary: {rating: not-yet, evidence: Did not summarise.}\n",
        "{\"ratings\": {\"open\": \"competent\", \"summary\": {\"rating\": \"not-yet\", \"evidence\": \"Did not summarise.\"}}}",
    ])
    func forms(text: String) throws {
        let file = try RatingsFile.parse(text, path: "r.yml", checklist: Self.checklist)
        #expect(file.ratings == [.init(criterion: "open", rating: "competent"),
                                 .init(criterion: "summary", rating: "not-yet", evidence: "Did not summarise.")])
    }

    @Test("mistakes are reported where they are", arguments: [
        ("ratings:\n  open: great\n", "r.yml:2:9", "unknown-level"),
        ("ratings:\n  summary: competent\n", "r.yml:2:3", "missing-rating"),
        ("opne: competent\n", "r.yml:1:1", "unknown-key"),
        ("ratings:\n  open: competent\n  open: competent\n", "r.yml:3:3", "duplicate-key"),
        ("- open\n", "r.yml:1:1", "invalid-ratings"),
    ])
    func mistakes(text: String, location: String, code: String) {
        #expect {
            _ = try RatingsFile.parse(text, path: "r.yml", checklist: Self.checklist)
        } throws: { error in
            guard let error = error as? LanternError else { return false }
            return error.code == code && error.location?.description == location
        }
    }
}

@Suite("ratings files: every problem, and n/a")
struct RatingsFileProblemsTests {
    static let checklist = ChecklistDefinition(id: "listening", criteria: [.init(id: "open", optional: false),
                                                                           .init(id: "interpreter", optional: false, allowsNotApplicable: true),
                                                                           .init(id: "summary", optional: true)],
                                               scale: ["not-yet", "competent"], passLevel: "competent", methods: ["role-play"],
                                               occasions: 1, contentHash: "")

    /// Finding (issue 17): a ratings file stopped at its first mistake.
    @Test("a file with several mistakes reports each at its line")
    func everyProblem() throws {
        let text = "method: roleplay\ndate: 2026-13-40\nratings:\n  open: great\n  summry: competent\n"
        var thrown: LanternError?
        do { _ = try RatingsFile.parse(text, path: "r.yml", checklist: Self.checklist) } catch { thrown = error }
        let error = try #require(thrown)
        #expect(error.diagnostics.map { "\($0.location?.description ?? "") \($0.code)" } == [
            "r.yml:1:9 unknown-method", "r.yml:2:7 invalid-date", "r.yml:4:3 missing-rating", "r.yml:4:9 unknown-level", "r.yml:5:3 unknown-criterion",
        ])
    }

    @Test("n/a only where the checklist allows it")
    func notApplicable() throws {
        let file = try RatingsFile.parse("ratings:\n  open: competent\n  interpreter: N/A\n", path: "r.yml", checklist: Self.checklist)
        #expect(file.ratings.map(\.rating) == ["competent", "n/a"])
        #expect(Self.checklist.isCompetent(file.ratings))
        #expect {
            _ = try RatingsFile.parse("ratings:\n  open: n/a\n  interpreter: competent\n", path: "r.yml", checklist: Self.checklist)
        } throws: { error in
            (error as? LanternError)?.code == "not-applicable-refused" && (error as? LanternError)?.location?.description == "r.yml:2:9"
        }
    }
}
