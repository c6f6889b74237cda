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
