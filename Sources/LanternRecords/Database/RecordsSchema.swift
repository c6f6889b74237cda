import GRDB

/// The records schema, one migration per release that changes it. Never edit a shipped
/// migration: add a new one.
///
/// Quiz attempts, answers, observations and the audit log are append-only: triggers abort any
/// UPDATE or DELETE, so even a raw SQL client cannot change them. Practicum hours may only gain
/// a sign-off; trainees may only be erased (personal columns cleared), never deleted.
public enum RecordsSchema {
    /// Migration identifiers this version knows, oldest first.
    public static var migrationIdentifiers: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records", migrate: createV1)
        migrator.registerMigration("v2-certificates", migrate: createCertificates)
        migrator.registerMigration("v3-corrections", migrate: createCorrections)
        migrator.registerMigration(AttemptRecordsMigration.identifier, migrate: AttemptRecordsMigration.migrate)
        migrator.registerMigration("v5-marking", migrate: createMarking)
        migrator.registerMigration("v6-evidence-digests", migrate: attestExistingRows)
        migrator.registerMigration("v7-renewal-records", migrate: createRenewalRecords)
        migrator.registerMigration("v8-principals", migrate: createPrincipals)
        migrator.registerMigration("v9-ssh-keys", migrate: createSSHKeys)
        migrator.registerMigration("v10-assessor-cohorts", migrate: createAssessorCohorts)
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(RecordsDatabase.applicationID)")
        try db.execute(sql: """
            CREATE TABLE assessor (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                email TEXT,
                roles TEXT NOT NULL,            -- JSON array: trainer, assessor, supervisor
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            ) STRICT;

            CREATE TABLE trainee (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT,                      -- NULL once erased
                preferred_name TEXT,
                email TEXT COLLATE NOCASE UNIQUE,
                external_id TEXT UNIQUE,
                public_name_consent INTEGER NOT NULL DEFAULT 0 CHECK (public_name_consent IN (0, 1)),
                recipient_salt TEXT NOT NULL,   -- kept after erasure: certificate recipient check
                recipient_hash TEXT,            -- sha256$hex(lowercased email + salt)
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                erased_at TEXT,
                CHECK (erased_at IS NOT NULL OR name IS NOT NULL)
            ) STRICT;

            CREATE TABLE cohort (
                id TEXT PRIMARY KEY NOT NULL,
                program_id TEXT NOT NULL,
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE enrolment (
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                cohort_id TEXT NOT NULL REFERENCES cohort(id),
                enrolled_at TEXT NOT NULL,
                enrolled_by TEXT NOT NULL,
                PRIMARY KEY (trainee_id, cohort_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX enrolment_cohort ON enrolment(cohort_id);

            CREATE TABLE module_progress (
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                module_id TEXT NOT NULL,
                opened_at TEXT NOT NULL,
                seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
                completed_at TEXT,
                PRIMARY KEY (trainee_id, module_id)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE quiz_attempt (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                quiz_id TEXT NOT NULL,
                quiz_hash TEXT NOT NULL,        -- sha256 of the quiz file the attempt was taken on
                seed INTEGER NOT NULL,
                questions TEXT NOT NULL,        -- JSON: drawn question ids in the order shown
                responses TEXT NOT NULL,        -- JSON: every response, shaped by the assessment engine
                results TEXT NOT NULL,          -- JSON: per-question result
                score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
                passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                started_at TEXT NOT NULL,
                submitted_at TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                CHECK (json_valid(questions) AND json_valid(responses) AND json_valid(results))
            ) STRICT;
            CREATE INDEX quiz_attempt_trainee ON quiz_attempt(trainee_id, quiz_id);
            CREATE INDEX quiz_attempt_quiz ON quiz_attempt(quiz_id);

            -- Best result per trainee and quiz, kept by a trigger so transcripts and cohort
            -- reports never scan every attempt.
            CREATE TABLE quiz_summary (
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                quiz_id TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                best_score REAL NOT NULL,
                passed INTEGER NOT NULL,
                last_submitted_at TEXT NOT NULL,
                PRIMARY KEY (trainee_id, quiz_id)
            ) STRICT, WITHOUT ROWID;
            CREATE TRIGGER quiz_attempt_summary AFTER INSERT ON quiz_attempt BEGIN
                INSERT INTO quiz_summary (trainee_id, quiz_id, attempts, best_score, passed, last_submitted_at)
                VALUES (NEW.trainee_id, NEW.quiz_id, 1, NEW.score, NEW.passed, NEW.submitted_at)
                ON CONFLICT (trainee_id, quiz_id) DO UPDATE SET
                    attempts = attempts + 1,
                    best_score = max(best_score, excluded.best_score),
                    passed = max(passed, excluded.passed),
                    last_submitted_at = max(last_submitted_at, excluded.last_submitted_at);
            END;

            -- Answers saved one at a time while an attempt is in progress, so it can resume.
            CREATE TABLE attempt_answer (
                id INTEGER PRIMARY KEY,
                attempt_id TEXT NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                quiz_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                response TEXT NOT NULL CHECK (json_valid(response)),
                answered_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX attempt_answer_attempt ON attempt_answer(attempt_id);

            CREATE TABLE observation (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                checklist_id TEXT NOT NULL,
                checklist_hash TEXT NOT NULL,
                assessor_id TEXT NOT NULL REFERENCES assessor(id),
                method TEXT NOT NULL,
                observed_on TEXT NOT NULL,      -- YYYY-MM-DD
                ratings TEXT NOT NULL CHECK (json_valid(ratings)),   -- JSON: [{criterion, rating, evidence}]
                competent INTEGER NOT NULL CHECK (competent IN (0, 1)),
                supersedes TEXT REFERENCES observation(id),
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX observation_trainee ON observation(trainee_id, checklist_id);
            CREATE UNIQUE INDEX observation_supersedes ON observation(supersedes) WHERE supersedes IS NOT NULL;

            CREATE TABLE practicum_hours (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                worked_on TEXT NOT NULL,
                hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
                supervisor_id TEXT NOT NULL REFERENCES assessor(id),
                signed_off_at TEXT,
                note TEXT,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX practicum_hours_trainee ON practicum_hours(trainee_id);

            CREATE TABLE ce_hours (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                completed_on TEXT NOT NULL,
                hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
                category TEXT NOT NULL,
                note TEXT,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX ce_hours_trainee ON ce_hours(trainee_id);

            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject_type TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                detail TEXT NOT NULL,           -- JSON, ids and counts only: never personal data
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            ) STRICT;
            CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id);
            """)
        for table in ["audit_log", "quiz_attempt", "attempt_answer", "observation", "ce_hours"] {
            try appendOnly(db, table)
        }
        try db.execute(sql: """
            CREATE TRIGGER practicum_hours_no_delete BEFORE DELETE ON practicum_hours BEGIN
                SELECT RAISE(ABORT, 'practicum_hours is append-only: rows cannot be deleted');
            END;
            CREATE TRIGGER practicum_hours_sign_off_only BEFORE UPDATE ON practicum_hours
            WHEN OLD.signed_off_at IS NOT NULL OR NEW.signed_off_at IS NULL
              OR NEW.id IS NOT OLD.id OR NEW.trainee_id IS NOT OLD.trainee_id OR NEW.worked_on IS NOT OLD.worked_on
              OR NEW.hours IS NOT OLD.hours OR NEW.supervisor_id IS NOT OLD.supervisor_id OR NEW.note IS NOT OLD.note
              OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by
            BEGIN
                SELECT RAISE(ABORT, 'practicum_hours is append-only: only a missing sign-off may be added');
            END;
            CREATE TRIGGER trainee_no_delete BEFORE DELETE ON trainee BEGIN
                SELECT RAISE(ABORT, 'trainees cannot be deleted: erase their personal data instead');
            END;
            CREATE TRIGGER trainee_erased_stays_erased BEFORE UPDATE ON trainee
            WHEN OLD.erased_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.recipient_salt IS NOT OLD.recipient_salt
            BEGIN
                SELECT RAISE(ABORT, 'an erased trainee cannot be changed, and trainee ids and salts never change');
            END;
            """)
    }

    static func appendOnly(_ db: Database, _ table: String) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN
                SELECT RAISE(ABORT, '\(table) is append-only: rows cannot be updated');
            END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN
                SELECT RAISE(ABORT, '\(table) is append-only: rows cannot be deleted');
            END;
            """)
    }
}
