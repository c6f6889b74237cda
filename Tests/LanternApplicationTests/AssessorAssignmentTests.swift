import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Assessors assigned to cohorts (issue 15): an assessor signed in with their key sees, and may
/// record for, only the trainees of their cohorts (unless `serve: {assessors_see: all}`); the
/// local operator and trainers are not limited; the assignment is audited and survives erasure.
@Suite("Assessor assignment to cohorts")
struct AssessorAssignmentTests {
    static let ratings: RecordObservation.Ratings = .given([
        Observation.Rating(criterion: "confidentiality", rating: "competent", evidence: "Said it first."),
        Observation.Rating(criterion: "open-questions", rating: "competent", evidence: nil),
    ])

    /// A sample course with trainees `inSpring` (cohort spring) and `inAutumn` (cohort autumn),
    /// assessors `ann` (assessor) and `tess` (trainer, assessor), each with an SSH key.
    struct Setup {
        let sample: SampleCourse
        let inSpring: String
        let inAutumn: String
        var records: RecordsStore { sample.records }

        init(changing changes: [String: String] = [:]) throws {
            sample = try SampleCourse(changing: changes)
            inSpring = sample.traineeID
            inAutumn = try sample.records.addTrainee(NewTrainee(name: "Other Trainee")).id
            try sample.records.enroll(trainee: inSpring, cohort: "spring", program: "p")
            try sample.records.enroll(trainee: inAutumn, cohort: "autumn", program: "p")
            try sample.records.addAssessor(id: "ann", name: "Ann Assessor", email: nil, roles: [.assessor])
            try sample.records.addAssessor(id: "tess", name: "Tess Trainer", email: nil, roles: [.trainer, .assessor])
            try enrolKey(.assessor("ann"), "SHA256:ann")
            try enrolKey(.assessor("tess"), "SHA256:tess")
        }

        func enrolKey(_ holder: KeyHolder, _ fingerprint: String) throws {
            let code = try records.invite(holder, lifetime: 3_600).code
            guard case .enrolled = try records.redeemInvitation(code, publicKey: "ssh-ed25519 AAAA \(fingerprint)",
                                                                fingerprint: fingerprint, maxTries: 3) else {
                throw LanternError(.unknownKey, "could not enrol \(fingerprint)")
            }
        }

        func course() -> Course { sample.course }

        func record(as actor: Principal, trainee: String, assessor: String) throws(LanternError) -> Observation {
            try RecordObservation(course: sample.course, records: records, actor: actor, output: CapturedOutput())
                .record(trainee: trainee, checklistID: "listening-skills", assessor: assessor, ratings: AssessorAssignmentTests.ratings)
        }

        func listed(for id: String, actor: Principal) throws -> [String] {
            let staff = try #require(try records.assessors().first { $0.id == id })
            return try ListTraineesToAssess(course: sample.course, records: records, actor: actor, output: CapturedOutput())
                .run(staff: staff).filter(\.mayObserve).map(\.trainee.id)
        }
    }

    static func code(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as LanternError { return error.code } catch { return "\(error)" }
        return nil
    }

    @Test("An assessor's key lists and records only for the trainees of their cohorts; outside them the use case refuses")
    func assignedOnly() throws {
        let setup = try Setup()
        let ann = Principal.sshPrincipal("SHA256:ann")
        #expect(try setup.listed(for: "ann", actor: ann).isEmpty)
        #expect(Self.code { _ = try setup.record(as: ann, trainee: setup.inSpring, assessor: "ann") } == "outside-assignment")

        let output = CapturedOutput()
        try AssignAssessor(records: setup.records, actor: .localOperator("office"), output: output).assign(assessor: "ann", cohort: "spring")
        #expect(output.text == "assigned assessor ann to cohort spring\n")
        #expect(try setup.listed(for: "ann", actor: ann) == [setup.inSpring])
        let observation = try setup.record(as: ann, trainee: setup.inSpring, assessor: "ann")
        #expect(observation.assessorID == "ann")
        // Another cohort's trainee is refused however the request arrives, and nothing is written.
        #expect(Self.code { _ = try setup.record(as: ann, trainee: setup.inAutumn, assessor: "ann") } == "outside-assignment")
        #expect(try setup.records.currentObservations(trainee: setup.inAutumn).isEmpty)
        // The key records only as its own assessor.
        #expect(Self.code { _ = try setup.record(as: ann, trainee: setup.inSpring, assessor: "tess") } == "outside-assignment")

        try AssignAssessor(records: setup.records, actor: .localOperator("office"), output: CapturedOutput()).unassign(assessor: "ann", cohort: "spring")
        #expect(try setup.listed(for: "ann", actor: ann).isEmpty)
        #expect(Self.code { _ = try setup.record(as: ann, trainee: setup.inSpring, assessor: "ann") } == "outside-assignment")
    }

    @Test("The local operator and a trainer's key record for anyone; a trainee's key for no one")
    func unrestricted() throws {
        let setup = try Setup()
        _ = try setup.record(as: .localOperator("office"), trainee: setup.inAutumn, assessor: "ann")
        _ = try setup.record(as: .sshPrincipal("SHA256:tess"), trainee: setup.inAutumn, assessor: "tess")
        #expect(Set(try setup.listed(for: "tess", actor: .sshPrincipal("SHA256:tess"))) == [setup.inSpring, setup.inAutumn])
        try setup.enrolKey(.trainee(setup.inSpring), "SHA256:trainee")
        #expect(Self.code { _ = try setup.record(as: .sshPrincipal("SHA256:trainee"), trainee: setup.inAutumn, assessor: "ann") } == "outside-assignment")
        #expect(Self.code { _ = try setup.record(as: .sshPrincipal("SHA256:nobody"), trainee: setup.inAutumn, assessor: "ann") } == "outside-assignment")
    }

    @Test("serve: {assessors_see: all} in lantern.yml lets every assessor see and record for every trainee, as themselves")
    func allTrainees() throws {
        let config = SampleWorkspace.files["lantern.yml"]! + "serve:\n  assessors_see: all\n"
        let setup = try Setup(changing: ["lantern.yml": config])
        #expect(setup.course().workspace?.config.serve.assessorsSee == .all)
        let ann = Principal.sshPrincipal("SHA256:ann")
        #expect(Set(try setup.listed(for: "ann", actor: ann)) == [setup.inSpring, setup.inAutumn])
        _ = try setup.record(as: ann, trainee: setup.inAutumn, assessor: "ann")
        #expect(Self.code { _ = try setup.record(as: ann, trainee: setup.inAutumn, assessor: "tess") } == "outside-assignment")
    }

    @Test("Assigning names an unknown assessor or cohort clearly, refuses a second assignment, and is audited under the actor")
    func errorsAndAudit() throws {
        let setup = try Setup()
        let assign = AssignAssessor(records: setup.records, actor: .localOperator("office"), output: CapturedOutput())
        #expect(Self.code { try assign.assign(assessor: "nobody", cohort: "spring") } == "unknown-assessor")
        var thrown: LanternError?
        do { try assign.assign(assessor: "ann", cohort: "sprung") } catch { thrown = error }
        #expect(thrown?.code == "unknown-cohort")
        #expect(thrown?.hint == "did you mean 'spring'?")
        try assign.assign(assessor: "ann", cohort: "spring")
        #expect(Self.code { try assign.assign(assessor: "ann", cohort: "spring") } == "already-assigned")
        #expect(Self.code { try assign.unassign(assessor: "ann", cohort: "autumn") } == "not-assigned")
        #expect(try setup.records.cohorts(ofAssessor: "ann") == ["spring"])

        let entry = try #require(try setup.records.auditEntries(subjectID: "ann").last)
        #expect(entry.action == "assessor.assign")
        #expect(entry.detail.contains("\"cohort\":\"spring\""))
        #expect(entry.actor.hasPrefix("p-"))
        #expect(try setup.records.principals()[entry.actor]?.name == "office")
    }

    @Test("Erasing a trainee in an assigned cohort works, and the erased trainee leaves the list; the database check passes")
    func erasure() throws {
        let setup = try Setup()
        try AssignAssessor(records: setup.records, actor: .localOperator("office"), output: CapturedOutput()).assign(assessor: "ann", cohort: "spring")
        _ = try setup.records.eraseTrainee(setup.inSpring)
        #expect(try setup.listed(for: "ann", actor: .sshPrincipal("SHA256:ann")).isEmpty)
        #expect(try setup.records.cohorts(ofAssessor: "ann") == ["spring"])
        #expect(try setup.records.check().problems.isEmpty)
    }

    @Test("A supervisor sees the trainees whose hours wait for their sign-off, without observing them")
    func supervisorHours() throws {
        let setup = try Setup()
        try setup.records.addAssessor(id: "sue", name: "Sue Supervisor", email: nil, roles: [.supervisor])
        try setup.enrolKey(.assessor("sue"), "SHA256:sue")
        _ = try LogHours(records: setup.records, actor: .localOperator("office"), output: CapturedOutput())
            .log(trainee: setup.inAutumn, hours: 3, date: nil, kind: .practicum(supervisorID: "sue", signedOffNow: false), note: nil)
        let sue = try #require(try setup.records.assessors().first { $0.id == "sue" })
        let entries = try ListTraineesToAssess(course: setup.course(), records: setup.records, actor: .sshPrincipal("SHA256:sue"), output: CapturedOutput())
            .run(staff: sue)
        #expect(entries.map(\.trainee.id) == [setup.inAutumn])
        #expect(entries.first?.awaitsSignOff == true)
        #expect(entries.first?.mayObserve == false)
    }
}
