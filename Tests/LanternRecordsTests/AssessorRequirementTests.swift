import Foundation
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

/// Who may observe a checklist (issue 17): the checklist's `assessors:` roles, and never the
/// trainee themself. Nothing is recorded when refused.
@Suite("assessor requirements")
struct AssessorRequirementTests {
    static func store() throws -> (TemporaryFolder, RecordsStore, String) {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        let store = try RecordsStore(path: folder.url.appendingPathComponent("r.sqlite").path, actor: "tester")
        let trainee = try store.addTrainee(NewTrainee(name: "Quinn Example", email: "quinn@example.org"))
        try store.addAssessor(id: "ann", name: "Ann", email: "ann@example.org", roles: [.assessor])
        try store.addAssessor(id: "sue", name: "Sue", email: nil, roles: [.supervisor])
        try store.addAssessor(id: "quinn", name: "Quinn Example", email: "Quinn@Example.org ", roles: [.assessor, .supervisor])
        return (folder, store, trainee.id)
    }

    static func observation(_ trainee: String, by assessor: String) -> Observation {
        Observation(traineeID: trainee, checklistID: "asking", checklistHash: "h", assessorID: assessor, method: "role-play",
                    observedOn: "2026-11-01", ratings: [.init(criterion: "asks", rating: "competent")], competent: true)
    }

    @Test("only the roles the checklist names may observe it")
    func roles() throws {
        let (_, store, trainee) = try Self.store()
        #expect {
            try store.recordObservation(Self.observation(trainee, by: "ann"), allowedRoles: [.supervisor])
        } throws: { error in
            guard let error = error as? LanternError else { return false }
            return error.code == "not-an-assessor" && error.message.contains("needs the supervisor role")
        }
        try store.recordObservation(Self.observation(trainee, by: "sue"), allowedRoles: [.supervisor])
        #expect(try store.currentObservations(trainee: trainee).map(\.assessorID) == ["sue"])
    }

    @Test("an assessor who is the trainee (the same email) is refused")
    func notOneself() throws {
        let (_, store, trainee) = try Self.store()
        #expect {
            try store.recordObservation(Self.observation(trainee, by: "quinn"))
        } throws: { error in
            (error as? LanternError)?.code == "self-observation"
        }
        #expect(try store.currentObservations(trainee: trainee).isEmpty)
    }
}
