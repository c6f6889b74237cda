import GRDB

extension RecordsSchema {
    /// Assessment evidence added after an attempt (issue 17), all append-only: extra attempts
    /// granted by a trainer, marks given by a person to questions of a recorded attempt, and
    /// regrades of an attempt against a changed quiz. The attempt itself is never touched: its
    /// effective result is the attempt, then its latest regrade, then its latest mark per question.
    static func createMarking(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE quiz_grant (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                quiz_id TEXT NOT NULL,
                attempts INTEGER NOT NULL CHECK (attempts BETWEEN 1 AND 100),
                reason TEXT NOT NULL CHECK (length(reason) > 0),
                granted_at TEXT NOT NULL,
                granted_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX quiz_grant_trainee ON quiz_grant(trainee_id, quiz_id);

            CREATE TABLE question_mark (
                id TEXT PRIMARY KEY NOT NULL,
                attempt_id TEXT NOT NULL REFERENCES quiz_attempt(id),
                question_id TEXT NOT NULL,
                score TEXT NOT NULL,            -- an exact fraction 0…1, as the engine writes it ("1/2")
                feedback TEXT,
                marked_at TEXT NOT NULL,
                marked_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX question_mark_attempt ON question_mark(attempt_id);

            CREATE TABLE attempt_regrade (
                id TEXT PRIMARY KEY NOT NULL,
                attempt_id TEXT NOT NULL REFERENCES quiz_attempt(id),
                quiz_hash TEXT NOT NULL,        -- sha256 of the quiz file regraded against
                results TEXT NOT NULL CHECK (json_valid(results)),   -- JSON: the engine's result after the regrade
                changes TEXT NOT NULL CHECK (json_valid(changes)),   -- JSON: what changed in the quiz, per question
                score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
                passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                regraded_at TEXT NOT NULL,
                regraded_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX attempt_regrade_attempt ON attempt_regrade(attempt_id);
            """)
        for table in ["quiz_grant", "question_mark", "attempt_regrade"] {
            try appendOnly(db, table)
        }
    }
}
