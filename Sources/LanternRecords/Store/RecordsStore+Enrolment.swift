import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Enrols a trainee in a cohort of a program, creating the cohort on first use. Enrolling
    /// twice in the same cohort is refused; a cohort belongs to one program.
    public func enroll(trainee reference: String, cohort: String, program: String) throws(LanternError) {
        guard RecordID.isValid(cohort) else {
            throw LanternError(.invalidId, "'\(cohort)' cannot be a cohort id", hint: "use 1–64 letters, digits, '-', '_' or '.'")
        }
        let actor = self.actor
        try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, reference)
            if let existing = try String.fetchOne(db, sql: "SELECT program_id FROM cohort WHERE id = ?", arguments: [cohort]) {
                guard existing == program else {
                    throw LanternError(.cohortProgramMismatch, "cohort '\(cohort)' belongs to program '\(existing)', not '\(program)'")
                }
            } else {
                try db.execute(sql: "INSERT INTO cohort (id, program_id, created_at) VALUES (?, ?, ?)", arguments: [cohort, program, now])
                try self.audit(db, now, "cohort.add", "cohort", cohort, ["program": program])
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM enrolment WHERE trainee_id = ? AND cohort_id = ?", arguments: [traineeID, cohort]) == true {
                throw LanternError(.alreadyEnrolled, "trainee \(traineeID) is already enrolled in cohort '\(cohort)'")
            }
            try db.execute(sql: "INSERT INTO enrolment (trainee_id, cohort_id, enrolled_at, enrolled_by) VALUES (?, ?, ?, ?)",
                           arguments: [traineeID, cohort, now, actor])
            try self.audit(db, now, "enrolment.add", "trainee", traineeID, ["cohort": cohort, "program": program])
        }
    }

    /// Records that a trainee opened a module, spent more time in it, or completed it.
    public func recordModuleProgress(trainee reference: String, module: String, addSeconds: Int = 0,
                                     completed: Bool = false) throws(LanternError) {
        guard addSeconds >= 0 else { throw LanternError(.invalidTime, "time spent cannot be negative") }
        try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, reference)
            try db.execute(sql: """
                INSERT INTO module_progress (trainee_id, module_id, opened_at, seconds_spent, completed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (trainee_id, module_id) DO UPDATE SET
                    seconds_spent = seconds_spent + excluded.seconds_spent,
                    completed_at = coalesce(completed_at, excluded.completed_at)
                """, arguments: [traineeID, module, now, addSeconds, completed ? now : nil])
            try self.audit(db, now, completed ? "module.complete" : "module.progress", "trainee", traineeID,
                           ["module": module, "seconds": String(addSeconds)])
        }
    }
}
