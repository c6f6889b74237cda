import LanternDiagnostics
import LanternRecords

/// Staff assign an assessor to a cohort (`lantern assessor assign A --cohort C`), or end the
/// assignment (`… unassign`): on `lantern serve` an assessor chooses from, and records for, the
/// trainees of the cohorts they are assigned to. Audited under the actor.
public struct AssignAssessor: Sendable {
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    public func assign(assessor: String, cohort: String) throws(LanternError) {
        try records.assign(assessor: assessor, cohort: cohort)
        output.write("assigned assessor \(assessor) to cohort \(cohort)\n")
    }

    public func unassign(assessor: String, cohort: String) throws(LanternError) {
        try records.unassign(assessor: assessor, cohort: cohort)
        output.write("unassigned assessor \(assessor) from cohort \(cohort)\n")
    }
}
