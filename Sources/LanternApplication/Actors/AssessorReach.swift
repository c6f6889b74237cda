import LanternCurriculum
import LanternDiagnostics
import LanternRecords

/// Which trainees an actor may record observations for.
///
/// - The **local operator** (someone running `lantern` on the server's machine) administers the
///   records and may record for anyone, naming any assessor (`checklist record --assessor A`).
/// - Over `lantern serve`, a key of staff with the **trainer** role acts like the operator (a
///   trainer can assign themselves with `lantern assessor assign` anyway).
/// - Any other staff key records only as its own assessor, and only for trainees enrolled in a
///   cohort that assessor is assigned to, unless `lantern.yml` says `serve: {assessors_see: all}`.
/// - A trainee's key, or a key no one holds any more, records nothing.
public struct AssessorReach: Sendable {
    public enum Scope: Sendable, Equatable {
        /// Every trainee, as any assessor.
        case everyone
        /// Every trainee, as this assessor only (`assessors_see: all`).
        case everyoneAs(assessor: String)
        /// Trainees of the cohorts this assessor is assigned to, as this assessor only.
        case assigned(assessor: String)
        /// No one (a trainee's key, an unknown key).
        case nobody
    }

    public let scope: Scope
    let records: RecordsStore

    /// The reach of `actor` under the course's `serve.assessors_see` setting.
    public init(actor: Principal, course: Course, records: RecordsStore) throws(LanternError) {
        self.records = records
        switch actor.kind {
        case .localOperator:
            scope = .everyone
        case .sshPrincipal:
            guard let binding = try records.keyBinding(fingerprint: actor.name), case .assessor(let id) = binding.holder,
                  let assessor = try records.assessors().first(where: { $0.id == id }) else {
                scope = .nobody
                return
            }
            if assessor.roles.contains(.trainer) {
                scope = .everyone
            } else if (course.workspace?.config.serve.assessorsSee ?? .assigned) == .all {
                scope = .everyoneAs(assessor: assessor.id)
            } else {
                scope = .assigned(assessor: assessor.id)
            }
        }
    }

    /// The trainees (not erased) this actor may record for, by id.
    public func trainees() throws(LanternError) -> [Trainee] {
        switch scope {
        case .everyone, .everyoneAs: try records.trainees().filter { $0.erasedAt == nil }
        case .assigned(let assessor): try records.traineesAssigned(toAssessor: assessor)
        case .nobody: []
        }
    }

    /// Throws `outside-assignment` unless this actor may record for `trainee` as `assessor`.
    public func check(trainee: String, assessor: String) throws(LanternError) {
        switch scope {
        case .everyone:
            return
        case .nobody:
            throw LanternError(.outsideAssignment, "only staff may record observations",
                               hint: "an assessor records with their own key, or staff at the server with 'lantern checklist record'")
        case .everyoneAs(let own), .assigned(let own):
            guard assessor == own else {
                throw LanternError(.outsideAssignment, "you are signed in as assessor '\(own)' and may record observations only as yourself, not as '\(assessor)'")
            }
            if case .assigned = scope, try !records.isAssigned(assessor: own, trainee: trainee) {
                let id = try records.trainee(trainee).id
                throw LanternError(.outsideAssignment, "trainee \(id) is not in a cohort you are assigned to",
                                   hint: "ask a trainer to assign you: lantern assessor assign \(own) --cohort COHORT")
            }
        }
    }
}
