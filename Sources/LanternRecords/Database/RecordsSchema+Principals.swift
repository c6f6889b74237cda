import GRDB

extension RecordsSchema {
    /// Issue 20.6: who acted is an opaque principal id in audit rows and `recorded_by` columns;
    /// the name behind it (an OS login, an `--as` name, later an SSH key's fingerprint) lives
    /// only here, where erasure can clear it without touching the hash chain. A trainee also
    /// gains a consent flag for publishing their credential on the site (default no).
    static func createPrincipals(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE principal (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('login', 'as', 'key')),
                name TEXT,                      -- NULL once erased
                trainee_id TEXT REFERENCES trainee(id),   -- the trainee this principal is (a learner's login)
                created_at TEXT NOT NULL,
                erased_at TEXT,
                CHECK (erased_at IS NOT NULL OR name IS NOT NULL)
            ) STRICT;
            CREATE UNIQUE INDEX principal_name ON principal(kind, name) WHERE name IS NOT NULL;
            CREATE TRIGGER principal_no_delete BEFORE DELETE ON principal BEGIN
                SELECT RAISE(ABORT, 'principals are never deleted: erase their name instead');
            END;
            CREATE TRIGGER principal_erased_stays_erased BEFORE UPDATE ON principal
            WHEN OLD.erased_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
              OR (NEW.name IS NOT OLD.name AND NEW.name IS NOT NULL)
            BEGIN
                SELECT RAISE(ABORT, 'a principal''s id and kind never change, and an erased principal stays erased');
            END;
            ALTER TABLE trainee ADD COLUMN credential_consent INTEGER NOT NULL DEFAULT 0 CHECK (credential_consent IN (0, 1));
            """)
    }
}
