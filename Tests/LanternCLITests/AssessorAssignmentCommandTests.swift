import Foundation
import LanternTestSupport
import Testing

/// `lantern assessor assign/unassign/show` and the cohorts column of `assessor list`, end to end.
@Suite("lantern assessor assign")
struct AssessorAssignmentCommandTests {
    @Test("assign, show, list and unassign an assessor's cohorts; unknown assessor and cohort are clear errors that change nothing")
    func assignShowUnassign() throws {
        let fixture = try RecordsFixture()
        #expect(try fixture.run(["enroll", fixture.traineeID, "--cohort", "spring-2027", "--program", "psw"]).status == 0)

        let assigned = try fixture.run(["assessor", "assign", "sup", "--cohort", "spring-2027"])
        #expect(assigned.status == 0, "\(assigned.stderr)")
        #expect(assigned.stdout == "assigned assessor sup to cohort spring-2027\n")

        let shown = try fixture.run(["assessor", "show", "sup"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("cohorts: spring-2027\n"))
        #expect(shown.stdout.contains("roles: assessor, supervisor"))
        let json = try fixture.run(["assessor", "show", "sup", "--json"])
        #expect(json.stdout.contains("\"spring-2027\""))
        let list = try fixture.run(["assessor", "list", "--format", "csv"])
        #expect(list.stdout.contains("id,name,roles,cohorts\n"))
        #expect(list.stdout.contains("sup,Sam Supervisor,\"assessor,supervisor\",spring-2027"), "\(list.stdout)")
        #expect(try fixture.run(["assessor", "list"]).stdout.contains("COHORTS"))

        let again = try fixture.run(["assessor", "assign", "sup", "--cohort", "spring-2027"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already assigned to cohort 'spring-2027'"))

        let unknownCohort = try fixture.run(["assessor", "assign", "sup", "--cohort", "spring-2028"])
        #expect(unknownCohort.status == 1)
        #expect(unknownCohort.stderr.contains("no cohort 'spring-2028' in the records"))
        #expect(unknownCohort.stderr.contains("spring-2027"))
        let unknownAssessor = try fixture.run(["assessor", "assign", "nobody", "--cohort", "spring-2027"])
        #expect(unknownAssessor.status == 1)
        #expect(unknownAssessor.stderr.contains("no assessor 'nobody' in the records"))
        #expect(try fixture.run(["assessor", "show", "nobody"]).status == 1)

        let unassigned = try fixture.run(["assessor", "unassign", "sup", "--cohort", "spring-2027"])
        #expect(unassigned.status == 0, "\(unassigned.stderr)")
        #expect(try fixture.run(["assessor", "show", "sup"]).stdout.contains("cohorts: none"))
        let notAssigned = try fixture.run(["assessor", "unassign", "sup", "--cohort", "spring-2027"])
        #expect(notAssigned.status == 1)
        #expect(notAssigned.stderr.contains("is not assigned to cohort 'spring-2027'"))

        // Erasing the trainee keeps working with assignments in the records, and the database checks clean.
        #expect(try fixture.run(["assessor", "assign", "sup", "--cohort", "spring-2027"]).status == 0)
        let erased = try fixture.run(["trainee", "erase", fixture.traineeID, "--yes"])
        #expect(erased.status == 0, "\(erased.stderr)")
        let check = try fixture.run(["db", "check"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }

    @Test("lantern checklist record at the server is the operator's own: not limited by assignments")
    func operatorUnrestricted() throws {
        let fixture = try RecordsFixture()
        let workspace = try SampleWorkspace.create()
        let recorded = try LanternProcess.run(["checklist", "record", "listening-skills", "--trainee", fixture.traineeID, "--assessor", "sup",
                                               "--rating", "confidentiality=competent", "--rating", "open-questions=competent",
                                               "--db", fixture.database], in: workspace.url)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.hasPrefix("ob-"))
    }
}
