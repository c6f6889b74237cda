import GRDB

extension RecordsSchema {
    /// Issue 15: which cohorts an assessor is assigned to. `lantern serve`'s assessor screen lists
    /// the trainees enrolled in them (unless `lantern.yml` says `serve: {assessors_see: all}`),
    /// and an assessor signed in with their key may record only for those trainees. Unassigning
    /// deletes the row; the audit log keeps the history (`assessor.assign`, `assessor.unassign`).
    /// No personal data: erasing a trainee leaves it alone.
    static func createAssessorCohorts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE assessor_cohort (
                assessor_id TEXT NOT NULL REFERENCES assessor(id),
                cohort_id TEXT NOT NULL REFERENCES cohort(id),
                assigned_at TEXT NOT NULL,
                assigned_by TEXT NOT NULL,       -- a principal id
                PRIMARY KEY (assessor_id, cohort_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX assessor_cohort_cohort ON assessor_cohort(cohort_id);
            """)
    }
}
