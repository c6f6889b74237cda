import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Logs practicum or continuing-education hours. Practicum hours name a supervisor (who
    /// must hold the `supervisor` role); `signedOffAt` is set when they sign off now.
    @discardableResult
    public func logHours(_ entry: HoursEntry) throws(LanternError) -> HoursEntry {
        guard Timestamp.calendarDate(entry.date) != nil else {
            throw LanternError(.invalidDate, "'\(entry.date)' is not a date", hint: "write dates as YYYY-MM-DD")
        }
        guard entry.hours.isFinite, entry.hours > 0, entry.hours <= 24 else {
            throw LanternError(.invalidHours, "hours must be more than 0 and at most 24 for one entry (one day's work)",
                               hint: "log each day as its own entry; a wrong entry is corrected with 'lantern hours void ENTRY --reason …'")
        }
        // Today anywhere on Earth (UTC+14) is the latest date hours can have been worked.
        let latest = Timestamp.today(clock().addingTimeInterval(14 * 3600))
        guard entry.date <= latest else {
            throw LanternError(.futureDate, "'\(entry.date)' is in the future; hours are logged after they are worked",
                               hint: "give the day the hours were worked with --date YYYY-MM-DD")
        }
        let actor = self.actor
        return try write { db, now in
            var entry = entry
            entry.traineeID = try RecordsStore.traineeID(db, entry.traineeID)
            entry.recordedAt = now
            entry.recordedBy = actor
            switch entry.kind {
            case .practicum(let supervisorID, let signedOffAt):
                let supervisor = try RecordsStore.assessor(db, supervisorID)
                guard supervisor.roles.contains(.supervisor) else {
                    throw LanternError(.notASupervisor, "'\(supervisor.id)' does not have the supervisor role",
                                       hint: "practicum hours are signed off by an assessor added with --role supervisor")
                }
                try db.execute(sql: """
                    INSERT INTO practicum_hours (id, trainee_id, worked_on, hours, supervisor_id, signed_off_at, note, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [entry.id, entry.traineeID, entry.date, entry.hours, supervisorID, signedOffAt, entry.note, now, actor])
                try self.audit(db, now, "hours.practicum", "trainee", entry.traineeID,
                               ["entry": entry.id, "hours": String(entry.hours), "supervisor": supervisorID,
                                "signed_off": signedOffAt == nil ? "no" : "yes"])
            case .continuingEducation(let category):
                guard RecordID.isValid(category) else {
                    throw LanternError(.invalidCategory, "'\(category)' cannot be a CE category", hint: "use a short word such as ethics or general")
                }
                try db.execute(sql: """
                    INSERT INTO ce_hours (id, trainee_id, completed_on, hours, category, note, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [entry.id, entry.traineeID, entry.date, entry.hours, category, entry.note, now, actor])
                try self.audit(db, now, "hours.ce", "trainee", entry.traineeID,
                               ["entry": entry.id, "hours": String(entry.hours), "category": category])
            }
            return entry
        }
    }

    /// Adds the supervisor's sign-off to practicum hours logged without one.
    public func signOffPracticum(entryID: String, supervisor supervisorID: String) throws(LanternError) {
        try write { db, now in
            guard let row = try Row.fetchOne(db, sql: "SELECT trainee_id, supervisor_id, signed_off_at FROM practicum_hours WHERE id = ?", arguments: [entryID]) else {
                throw LanternError(.unknownHours, "no practicum hours entry '\(entryID)'")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM hours_void WHERE entry_id = ?", arguments: [entryID]) == true {
                throw LanternError(.hoursVoided, "entry '\(entryID)' was voided; it cannot be signed off",
                                   hint: "log the correct hours as a new entry")
            }
            guard row["supervisor_id"] == supervisorID else {
                throw LanternError(.wrongSupervisor, "entry '\(entryID)' names another supervisor")
            }
            guard (row["signed_off_at"] as String?) == nil else {
                throw LanternError(.alreadySigned, "entry '\(entryID)' is already signed off")
            }
            try db.execute(sql: "UPDATE practicum_hours SET signed_off_at = ? WHERE id = ?", arguments: [now, entryID])
            try self.audit(db, now, "hours.sign-off", "trainee", row["trainee_id"], ["entry": entryID, "supervisor": supervisorID])
        }
    }
}
