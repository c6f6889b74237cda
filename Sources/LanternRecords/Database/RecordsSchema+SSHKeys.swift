import GRDB

extension RecordsSchema {
    /// Issue 15: who connects to `lantern serve`. An invitation is a one-time code (stored as the
    /// SHA-256 of its secret part, never the code) for one trainee or assessor; redeeming it binds
    /// the SSH key the person connected with. A bound key names a principal of kind `key` (the
    /// `principal` table's opaque id is what records and the audit log hold), and erasing a trainee
    /// deletes their keys and invitations.
    static func createSSHKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE invitation (
                id TEXT PRIMARY KEY NOT NULL,        -- the code's first group: finds the row, says nothing
                secret_hash TEXT NOT NULL,           -- hex SHA-256 of the code's secret part (80 bits)
                trainee_id TEXT REFERENCES trainee(id),
                assessor_id TEXT REFERENCES assessor(id),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                failed_tries INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
                used_at TEXT,
                revoked_at TEXT,
                CHECK ((trainee_id IS NULL) <> (assessor_id IS NULL))
            ) STRICT;
            CREATE TABLE ssh_key (
                fingerprint TEXT PRIMARY KEY NOT NULL,   -- SHA256:… as OpenSSH prints it
                public_key TEXT NOT NULL,                -- the OpenSSH public key line
                principal_id TEXT NOT NULL UNIQUE REFERENCES principal(id),
                trainee_id TEXT REFERENCES trainee(id),
                assessor_id TEXT REFERENCES assessor(id),
                invitation_id TEXT NOT NULL REFERENCES invitation(id),
                enrolled_at TEXT NOT NULL,
                CHECK ((trainee_id IS NULL) <> (assessor_id IS NULL))
            ) STRICT;
            CREATE INDEX ssh_key_trainee ON ssh_key(trainee_id);
            CREATE INDEX ssh_key_assessor ON ssh_key(assessor_id);
            """)
    }
}
