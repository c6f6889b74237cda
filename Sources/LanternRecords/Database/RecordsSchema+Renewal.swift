import GRDB

extension RecordsSchema {
    /// Issue 20: a certificate is renewed at most once (the renewal supersedes it), and the
    /// continuing-education hours a renewal used are recorded so no later renewal counts them.
    static func createRenewalRecords(_ db: Database) throws {
        try db.execute(sql: """
            CREATE UNIQUE INDEX certificate_renewed_once ON certificate(renews) WHERE renews IS NOT NULL;
            CREATE TABLE renewal_ce_hours (
                ce_hours_id TEXT PRIMARY KEY NOT NULL REFERENCES ce_hours(id),
                certificate_id TEXT NOT NULL REFERENCES certificate(id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX renewal_ce_hours_certificate ON renewal_ce_hours(certificate_id);
            """)
        try appendOnly(db, "renewal_ce_hours")
    }
}
