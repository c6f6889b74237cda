import LanternDiagnostics
import LanternRecords

/// The trainees a member of staff chooses from on `lantern serve`'s assessor screen: those they
/// may observe (`AssessorReach`: the cohorts they are assigned to, or everyone where
/// `lantern.yml` says `serve: {assessors_see: all}`, or everyone for a trainer), and, for a
/// supervisor, those with practicum hours waiting for their sign-off.
public struct ListTraineesToAssess: Sendable {
    /// One trainee on the list, and what the person may do for them.
    public struct Entry: Sendable, Hashable {
        public var trainee: Trainee
        /// Within the person's reach: they may record an observation.
        public var mayObserve: Bool
        /// Has practicum hours waiting for this person's sign-off.
        public var awaitsSignOff: Bool
    }

    public let course: Course
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.course = course
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    /// The list for `staff` (the assessor the actor's key belongs to), by trainee id.
    public func run(staff: Assessor) throws(LanternError) -> [Entry] {
        var entries: [String: Entry] = [:]
        if staff.roles.contains(.assessor) || staff.roles.contains(.trainer) {
            for trainee in try AssessorReach(actor: actor, course: course, records: records).trainees() {
                entries[trainee.id] = Entry(trainee: trainee, mayObserve: true, awaitsSignOff: false)
            }
        }
        if staff.roles.contains(.supervisor) {
            for trainee in try records.traineesAwaitingSignOff(supervisor: staff.id) {
                entries[trainee.id, default: Entry(trainee: trainee, mayObserve: false, awaitsSignOff: false)].awaitsSignOff = true
            }
        }
        return entries.values.sorted { $0.trainee.id < $1.trainee.id }
    }
}
