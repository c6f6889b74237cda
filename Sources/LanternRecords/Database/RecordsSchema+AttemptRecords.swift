import Crypto
import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

/// Migration `v4-attempt-records`: attempts in one shape, numbered, and open attempts in a
/// table of their own.
///
/// - `quiz_attempt` gains `number` (the trainee's attempt number at the quiz: a unique index
///   and a trigger keep each trainee's numbers at a quiz unique and without gaps, on every
///   path, raw SQL included) and `legacy`.
/// - Rows in the shape the third release's learner wrote (`responses` a bare map of answers,
///   `results` with reference-date numbers for times) are rewritten in the one shape and
///   marked `legacy = 1`. The drawn option order and deadline of those attempts were never
///   stored: the converted attempt has none.
/// - `open_attempt` holds each attempt started and not yet submitted, with its drawn
///   questions; the `@start` marker rows of the old learner become rows of it (with no draw:
///   the draw is redone from the seed the first time the attempt resumes, then kept).
/// - A migration is the one sanctioned writer of append-only tables: the `quiz_attempt`
///   triggers are dropped for the conversion and recreated, and an audit `migration` row
///   records how many rows changed and a SHA-256 digest of what they held before.
enum AttemptRecordsMigration {
    static let identifier = "v4-attempt-records"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE quiz_attempt ADD COLUMN number INTEGER;
            ALTER TABLE quiz_attempt ADD COLUMN legacy INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1));
            DROP TRIGGER quiz_attempt_no_update;
            UPDATE quiz_attempt SET number = (
                SELECT n FROM (SELECT id, row_number() OVER (PARTITION BY trainee_id, quiz_id ORDER BY submitted_at, id) AS n
                               FROM quiz_attempt) numbered
                WHERE numbered.id = quiz_attempt.id);
            """)
        let converted = try convertLearnerRows(db)
        try db.execute(sql: """
            CREATE TRIGGER quiz_attempt_no_update BEFORE UPDATE ON quiz_attempt BEGIN
                SELECT RAISE(ABORT, 'quiz_attempt is append-only: rows cannot be updated');
            END;
            CREATE UNIQUE INDEX quiz_attempt_number ON quiz_attempt(trainee_id, quiz_id, number);
            CREATE TRIGGER quiz_attempt_next_number BEFORE INSERT ON quiz_attempt
            WHEN NEW.number IS NULL OR NEW.number IS NOT coalesce(
                (SELECT max(number) FROM quiz_attempt WHERE trainee_id = NEW.trainee_id AND quiz_id = NEW.quiz_id), 0) + 1
            BEGIN
                SELECT RAISE(ABORT, 'attempt-number: an attempt is recorded only as the trainee''s next attempt at the quiz');
            END;

            -- Attempts started and not yet submitted: one per trainee and quiz, with the drawn
            -- questions (so a resume survives a change of the quiz's draw rules). Answers are
            -- saved in attempt_answer as they are given; the row goes when the attempt is recorded.
            CREATE TABLE open_attempt (
                id TEXT PRIMARY KEY NOT NULL,
                trainee_id TEXT NOT NULL REFERENCES trainee(id),
                quiz_id TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                seed INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                quiz_hash TEXT NOT NULL,       -- sha256 of the quiz file the draw came from ('' for a legacy attempt)
                attempt TEXT CHECK (attempt IS NULL OR json_valid(attempt)),  -- JSON: the drawn attempt; NULL: legacy, drawn again from the seed
                opened_by TEXT NOT NULL,
                UNIQUE (trainee_id, quiz_id)
            ) STRICT;
            """)
        let opened = try convertStartMarkers(db)
        if converted.rows > 0 || opened > 0 {
            try AuditLog.append(db, at: Timestamp.string(Date()), actor: "lantern", action: "migration",
                                subjectType: "database", subjectID: identifier,
                                detail: ["rows": String(converted.rows), "open": String(opened), "digest": converted.digest])
        }
    }

    /// Rewrites learner-shaped rows in the one shape; returns how many and a digest of their
    /// previous contents (id, responses, results; each length-prefixed).
    private static func convertLearnerRows(_ db: Database) throws -> (rows: Int, digest: String) {
        var hasher = SHA256()
        var count = 0
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, quiz_id, seed, questions, responses, results, started_at, submitted_at FROM quiz_attempt ORDER BY id
            """)
        for row in rows {
            let responses: String = row["responses"]
            let results: String = row["results"]
            if (try? AssessmentJSON.decode(Attempt.self, from: responses)) != nil { continue }
            guard let (attempt, result) = legacyValues(row, responses: responses, results: results) else { continue }
            let id: String = row["id"]
            for field in [id, responses, results] {
                hasher.update(data: Data("\(field.utf8.count):".utf8))
                hasher.update(data: Data(field.utf8))
            }
            try db.execute(sql: "UPDATE quiz_attempt SET responses = ?, results = ?, legacy = 1 WHERE id = ?",
                           arguments: [try AssessmentJSON.encode(attempt), try AssessmentJSON.encode(result), id])
            count += 1
        }
        return (count, Hex.encode(hasher.finalize()))
    }

    /// The attempt and result a learner-shaped row stands for, or nil when it is not one.
    static func legacyValues(_ row: Row, responses: String, results: String) -> (Attempt, AttemptResult)? {
        // That release encoded both with a plain JSONEncoder: dates as seconds since 2001.
        let plain = JSONDecoder()
        guard let answers = try? plain.decode([String: Response].self, from: Data(responses.utf8)),
              let result = try? plain.decode(AttemptResult.self, from: Data(results.utf8)) else { return nil }
        let questionsText: String = row["questions"]
        let ids = (try? plain.decode([String].self, from: Data(questionsText.utf8))) ?? result.questions.map(\.questionID)
        let seed: Int64 = row["seed"]
        let startedText: String = row["started_at"]
        let submittedText: String = row["submitted_at"]
        let presented = ids.map { id in
            PresentedQuestion(questionID: id, contentHash: result.grade(of: id)?.contentHash ?? "", displayOrder: [])
        }
        let attempt = Attempt(quizID: row["quiz_id"], number: result.attemptNumber, seed: UInt64(bitPattern: seed),
                              startedAt: Timestamp.date(startedText) ?? result.submittedAt ?? Date(timeIntervalSince1970: 0),
                              deadline: nil, questions: presented, responses: answers,
                              submittedAt: Timestamp.date(submittedText) ?? result.submittedAt)
        return (attempt, result)
    }

    /// The old learner's `@start` rows of attempts never recorded: the latest per trainee and
    /// quiz becomes an open attempt. Returns how many.
    private static func convertStartMarkers(_ db: Database) throws -> Int {
        struct Start: Decodable { var number: Int; var seed: String; var startedAt: String }
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.attempt_id, a.trainee_id, a.quiz_id, a.response FROM attempt_answer a
            WHERE a.question_id = '@start' AND NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.id = a.attempt_id)
            ORDER BY a.id
            """)
        var latest: [String: Row] = [:]
        for row in rows {
            let trainee: String = row["trainee_id"]
            let quiz: String = row["quiz_id"]
            latest[trainee + "\u{0}" + quiz] = row
        }
        var count = 0
        for row in latest.values {
            let text: String = row["response"]
            guard let start = try? JSONDecoder().decode(Start.self, from: Data(text.utf8)), let seed = UInt64(start.seed) else { continue }
            try db.execute(sql: """
                INSERT INTO open_attempt (id, trainee_id, quiz_id, number, seed, started_at, quiz_hash, attempt, opened_by)
                VALUES (?, ?, ?, ?, ?, ?, '', NULL, 'migration')
                """, arguments: [row["attempt_id"], row["trainee_id"], row["quiz_id"], start.number,
                                 Int64(bitPattern: seed), start.startedAt])
            count += 1
        }
        return count
    }
}
