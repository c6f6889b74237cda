import LanternDiagnostics
import LanternRecords

/// Voiding an hours entry logged in error (`lantern hours void`): it stays in the records,
/// marked, and stops counting anywhere; the right hours are then logged as a new entry.
/// The front end asks for confirmation first (it cannot be undone).
public struct VoidHours: Sendable {
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    @discardableResult
    public func run(entry: String, reason: String) throws(LanternError) -> HoursListing {
        let voided = try records.voidHours(entryID: entry, reason: reason)
        output.write("voided \(voided.id) (\(Wording.hours(voided.hours)) on \(voided.date)); it no longer counts\n")
        return voided
    }
}
