import GRDB

extension RecordsSchema {
    /// Corrections (issue 18): how a trainee's name is printed on certificates, voided hours
    /// entries (the hours tables stay append-only: a void is a row of its own), and the link
    /// from a reissued certificate to the one it replaced.
    static func createCorrections(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE trainee ADD COLUMN print_name TEXT NOT NULL DEFAULT 'legal'
                CHECK (print_name IN ('legal', 'preferred'));

            CREATE TABLE hours_void (
                entry_id TEXT PRIMARY KEY NOT NULL,     -- a practicum_hours or ce_hours id
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                kind TEXT NOT NULL CHECK (kind IN ('practicum', 'ce')),
                reason TEXT NOT NULL,
                voided_at TEXT NOT NULL,
                voided_by TEXT NOT NULL
            ) STRICT;

            ALTER TABLE certificate ADD COLUMN reissues TEXT REFERENCES certificate(id);
            CREATE TRIGGER certificate_reissues_fixed BEFORE UPDATE OF reissues ON certificate
            WHEN NEW.reissues IS NOT OLD.reissues
            BEGIN
                SELECT RAISE(ABORT, 'only a certificate''s status can change');
            END;
            """)
        try appendOnly(db, "hours_void")
    }
}
