import GRDB
import LanternDiagnostics

/// Assessors assigned to cohorts (issue 15): whom an assessor signed in to `lantern serve` may
/// observe. Each change is audited under the acting principal, with ids only.
extension RecordsStore {
    /// Assigns assessor `assessorID` to `cohort`. Both must exist (a cohort exists once a trainee
    /// was enrolled in it); assigning twice is refused.
    public func assign(assessor assessorID: String, cohort: String) throws(LanternError) {
        let actor = self.actor
        try write { db, now in
            let assessor = try RecordsStore.assessor(db, assessorID)
            try RecordsStore.requireCohort(db, cohort)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM assessor_cohort WHERE assessor_id = ? AND cohort_id = ?",
                                 arguments: [assessor.id, cohort]) == true {
                throw LanternError(.alreadyAssigned, "assessor '\(assessor.id)' is already assigned to cohort '\(cohort)'")
            }
            try db.execute(sql: "INSERT INTO assessor_cohort (assessor_id, cohort_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)",
                           arguments: [assessor.id, cohort, now, actor])
            try self.audit(db, now, "assessor.assign", "assessor", assessor.id, ["cohort": cohort])
        }
    }

    /// Ends the assignment of assessor `assessorID` to `cohort`; refused when there is none.
    public func unassign(assessor assessorID: String, cohort: String) throws(LanternError) {
        try write { db, now in
            let assessor = try RecordsStore.assessor(db, assessorID)
            try db.execute(sql: "DELETE FROM assessor_cohort WHERE assessor_id = ? AND cohort_id = ?", arguments: [assessor.id, cohort])
            guard db.changesCount == 1 else {
                let assigned = try String.fetchAll(db, sql: "SELECT cohort_id FROM assessor_cohort WHERE assessor_id = ? ORDER BY cohort_id",
                                                   arguments: [assessor.id])
                throw LanternError(.notAssigned, "assessor '\(assessor.id)' is not assigned to cohort '\(cohort)'",
                                   hint: assigned.isEmpty ? "they are assigned to no cohort" : "they are assigned to: \(assigned.joined(separator: ", "))")
            }
            try self.audit(db, now, "assessor.unassign", "assessor", assessor.id, ["cohort": cohort])
        }
    }

    /// The cohorts assessor `assessorID` is assigned to, by id (an unknown assessor is an error).
    public func cohorts(ofAssessor assessorID: String) throws(LanternError) -> [String] {
        try read { db in
            let assessor = try RecordsStore.assessor(db, assessorID)
            return try String.fetchAll(db, sql: "SELECT cohort_id FROM assessor_cohort WHERE assessor_id = ? ORDER BY cohort_id",
                                       arguments: [assessor.id])
        }
    }

    /// Every assignment: cohort ids by assessor id (assessors with none are absent).
    public func assessorCohorts() throws(LanternError) -> [String: [String]] {
        try read { db in
            var result: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT assessor_id, cohort_id FROM assessor_cohort ORDER BY assessor_id, cohort_id") {
                result[row[0], default: []].append(row[1])
            }
            return result
        }
    }

    /// The trainees (not erased) enrolled in a cohort assessor `assessorID` is assigned to, by id.
    public func traineesAssigned(toAssessor assessorID: String) throws(LanternError) -> [Trainee] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM trainee WHERE erased_at IS NULL AND id IN (
                    SELECT e.trainee_id FROM enrolment e JOIN assessor_cohort a ON a.cohort_id = e.cohort_id
                    WHERE a.assessor_id = ?)
                ORDER BY id
                """, arguments: [assessorID]).map(RecordsStore.trainee)
        }
    }

    /// Whether `trainee` (an id or external id) is enrolled in a cohort assessor `assessorID` is
    /// assigned to.
    public func isAssigned(assessor assessorID: String, trainee reference: String) throws(LanternError) -> Bool {
        try read { db in
            let trainee = try RecordsStore.traineeID(db, reference)
            return try Bool.fetchOne(db, sql: """
                SELECT 1 FROM enrolment e JOIN assessor_cohort a ON a.cohort_id = e.cohort_id
                WHERE a.assessor_id = ? AND e.trainee_id = ?
                """, arguments: [assessorID, trainee]) == true
        }
    }

    /// An `unknown-cohort` error unless `cohort` exists, naming the cohorts there are.
    static func requireCohort(_ db: Database, _ cohort: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM cohort WHERE id = ?", arguments: [cohort]) != true else { return }
        let known = try String.fetchAll(db, sql: "SELECT id FROM cohort ORDER BY id")
        let shown = RecordID.isValid(cohort) ? "'\(cohort)'" : "with that id"
        throw LanternError(.unknownCohort, "no cohort \(shown) in the records",
                           hint: known.isEmpty ? "a cohort is made when the first trainee is enrolled in it: 'lantern enroll T --cohort ID'"
                                               : Suggestions.didYouMean(cohort, in: known) ?? "cohorts: \(known.joined(separator: ", "))")
    }
}

extension RecordsStore {
    /// Trainees (not erased) with practicum hours that name `supervisor` and wait for a sign-off
    /// (not signed off, not voided), by id.
    public func traineesAwaitingSignOff(supervisor: String) throws(LanternError) -> [Trainee] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM trainee WHERE erased_at IS NULL AND id IN (
                    SELECT trainee_id FROM practicum_hours
                    WHERE supervisor_id = ? AND signed_off_at IS NULL AND id NOT IN (SELECT entry_id FROM hours_void))
                ORDER BY id
                """, arguments: [supervisor]).map(RecordsStore.trainee)
        }
    }
}
