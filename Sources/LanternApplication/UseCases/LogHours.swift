import Foundation
import LanternDiagnostics
import LanternRecords

/// Logging hours: practicum hours under a supervisor (signed off now or later), or
/// continuing-education hours in a category.
public struct LogHours: Sendable {
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink
    let clock: @Sendable () -> Date

    public init(records: RecordsStore, actor: Principal, output: any OutputSink, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
        self.clock = clock
    }

    public enum Kind: Sendable {
        case practicum(supervisorID: String, signedOffNow: Bool)
        case continuingEducation(category: String)
    }

    /// Logs the hours and writes the entry's id to the output.
    @discardableResult
    public func log(trainee: String, hours: Double, date: String?, kind: Kind, note: String?) throws(LanternError) -> HoursEntry {
        let now = clock()
        let entryKind: HoursEntry.Kind = switch kind {
        case .practicum(let supervisor, let signedOffNow): .practicum(supervisorID: supervisor, signedOffAt: signedOffNow ? Timestamp.string(now) : nil)
        case .continuingEducation(let category): .continuingEducation(category: category)
        }
        let entry = try records.logHours(HoursEntry(traineeID: trainee, date: date ?? Timestamp.today(now), hours: hours,
                                                    kind: entryKind, note: note))
        output.write(entry.id + "\n")
        return entry
    }

    /// A supervisor signs off practicum hours logged without a sign-off.
    public func signOff(entry: String, supervisor: String) throws(LanternError) {
        try records.signOffPracticum(entryID: entry, supervisor: supervisor)
        output.write("signed off \(entry)\n")
    }
}
