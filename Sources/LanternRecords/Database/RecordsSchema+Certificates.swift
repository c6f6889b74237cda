import GRDB

extension RecordsSchema {
    /// Issued certificates (issue 6). Append-only: rows are never deleted, only their status
    /// changes, and a revoked certificate can never change again.
    static func createCertificates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE certificate (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                program_id TEXT NOT NULL,
                status_index INTEGER NOT NULL UNIQUE CHECK (status_index >= 0),
                issued_at TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_until TEXT,
                jwt TEXT NOT NULL,
                evidence TEXT NOT NULL CHECK (json_valid(evidence)),
                renews TEXT REFERENCES certificate(id),
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'suspended')),
                status_reason TEXT,
                status_changed_at TEXT,
                recorded_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX certificate_trainee ON certificate(trainee_id);
            CREATE INDEX certificate_valid_until ON certificate(valid_until);

            CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate BEGIN
                SELECT RAISE(ABORT, 'certificates are never deleted');
            END;
            CREATE TRIGGER certificate_status_only BEFORE UPDATE ON certificate
            WHEN NEW.id IS NOT OLD.id OR NEW.trainee_id IS NOT OLD.trainee_id OR NEW.jwt IS NOT OLD.jwt
              OR NEW.status_index IS NOT OLD.status_index OR NEW.valid_from IS NOT OLD.valid_from
              OR NEW.valid_until IS NOT OLD.valid_until OR NEW.evidence IS NOT OLD.evidence
              OR NEW.renews IS NOT OLD.renews OR NEW.issued_at IS NOT OLD.issued_at
            BEGIN
                SELECT RAISE(ABORT, 'only a certificate''s status can change');
            END;
            CREATE TRIGGER certificate_revoked_is_final BEFORE UPDATE OF status ON certificate
            WHEN OLD.status = 'revoked'
            BEGIN
                SELECT RAISE(ABORT, 'a revoked certificate stays revoked');
            END;
            """)
    }
}
