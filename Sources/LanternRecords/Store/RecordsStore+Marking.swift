import Foundation
import GRDB
import LanternAssessment
import LanternDiagnostics

/// A recorded attempt read back with its effective result: the attempt as taken, the result
/// recorded then, its latest regrade, its marks, and the result they make together.
public struct EffectiveAttempt: Sendable {
    public var record: QuizAttempt
    public var attempt: Attempt
    public var recorded: AttemptResult
    public var regraded: AttemptResult?
    public var marks: [QuestionMark]
    /// Attempt + latest regrade + latest mark per question (see `Quiz.effectiveResult`).
    public var effective: AttemptResult
}

/// Extra attempts a trainer granted a trainee at a quiz.
public struct QuizGrant: Sendable, Hashable, Codable {
    public var id: String
    public var traineeID: String
    public var quizID: String
    public var attempts: Int
    public var reason: String
    public var grantedAt: String
    public var grantedBy: String
}

extension RecordsStore {
    // MARK: Grants

    /// Grants `attempts` more attempts at `quizID` to a trainee, with the reason, audited.
    @discardableResult
    public func grantAttempts(trainee reference: String, quiz quizID: String, attempts: Int, reason: String) throws(LanternError) -> QuizGrant {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw LanternError(.missingReason, "a grant needs a reason", hint: "say why, for example --reason \"missed the session through illness\"")
        }
        guard (1...100).contains(attempts) else {
            throw LanternError(.invalidValue, "--attempts must be from 1 to 100, not \(attempts)")
        }
        let actor = self.actor
        return try write { db, now in
            let traineeID = try RecordsStore.traineeID(db, reference)
            let grant = QuizGrant(id: RecordID.make("qg"), traineeID: traineeID, quizID: quizID, attempts: attempts, reason: reason,
                                  grantedAt: now, grantedBy: actor)
            try db.execute(sql: """
                INSERT INTO quiz_grant (id, trainee_id, quiz_id, attempts, reason, granted_at, granted_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [grant.id, traineeID, quizID, attempts, reason, now, actor])
            // The reason may name a person's circumstances: the audit row keeps ids and counts only.
            try self.audit(db, now, "quiz.grant", "trainee", traineeID, ["grant": grant.id, "quiz": quizID, "attempts": String(attempts)])
            return grant
        }
    }

    /// Every grant to a trainee at a quiz, oldest first.
    public func grants(trainee reference: String, quiz quizID: String) throws(LanternError) -> [QuizGrant] {
        try read { db in
            let traineeID = try RecordsStore.traineeID(db, reference)
            return try Row.fetchAll(db, sql: "SELECT * FROM quiz_grant WHERE trainee_id = ? AND quiz_id = ? ORDER BY granted_at, id",
                                    arguments: [traineeID, quizID]).map {
                QuizGrant(id: $0["id"], traineeID: $0["trainee_id"], quizID: $0["quiz_id"], attempts: $0["attempts"],
                          reason: $0["reason"], grantedAt: $0["granted_at"], grantedBy: $0["granted_by"])
            }
        }
    }

    // MARK: Marks

    /// One recorded attempt by id, with its effective result against `quiz`.
    public func effectiveAttempt(_ attemptID: String, quiz: Quiz) throws(LanternError) -> EffectiveAttempt {
        let record = try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM quiz_attempt WHERE id = ?", arguments: [attemptID]) else {
                throw LanternError(.unknownAttempt, "no attempt '\(attemptID)' in the records",
                                   hint: "'lantern progress T' and 'lantern quiz regrade QUIZ --dry-run' show attempt ids")
            }
            guard let record = RecordsStore.decode([row]).attempts.first else {
                throw LanternError(.unreadableAttempt, "attempt '\(attemptID)' cannot be read back", hint: "run 'lantern db check'")
            }
            return record
        }
        guard record.quizID == quiz.id else {
            throw LanternError(.wrongQuiz, "attempt '\(attemptID)' is at quiz '\(record.quizID)', not '\(quiz.id)'")
        }
        guard let decoded = try effectiveAttempts(of: [record], quiz: quiz).first else {
            throw LanternError(.unreadableAttempt, "attempt '\(attemptID)' cannot be read back", hint: "run 'lantern db check'")
        }
        return decoded
    }

    /// Records a person's mark for one question of a recorded attempt (the attempt is not
    /// changed), audited with who marked it. Returns the attempt's new effective result.
    @discardableResult
    public func markQuestion(attempt attemptID: String, question questionID: String, score: Fraction, feedback: String?,
                             quiz: Quiz) throws(LanternError) -> EffectiveAttempt {
        let current = try effectiveAttempt(attemptID, quiz: quiz)
        try quiz.checkMark(questionID, score: score, in: current.effective)
        let actor = self.actor
        let feedback = feedback?.trimmingCharacters(in: .whitespacesAndNewlines)
        try write { db, now in
            let id = RecordID.make("qm")
            try db.execute(sql: """
                INSERT INTO question_mark (id, attempt_id, question_id, score, feedback, marked_at, marked_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, attemptID, questionID, score.description, feedback?.isEmpty == false ? feedback : nil, now, actor])
            try self.audit(db, now, "question.mark", "trainee", current.record.traineeID,
                           ["mark": id, "attempt": attemptID, "question": questionID, "score": score.description])
        }
        return try effectiveAttempt(attemptID, quiz: quiz)
    }

    // MARK: Regrades

    /// Records the regrade of a recorded attempt (the attempt itself is not changed), audited.
    public func recordRegrade(attempt attemptID: String, traineeID: String, quizHash: String, result: AttemptResult,
                              changes: [RegradeReport.Change]) throws(LanternError) {
        let actor = self.actor
        let resultsJSON: String
        let changesJSON: String
        do {
            resultsJSON = try AssessmentJSON.encode(result)
            changesJSON = try AssessmentJSON.encode(changes)
        } catch {
            throw LanternError(.attemptEncoding, "the regrade cannot be stored as JSON")
        }
        try write { db, now in
            let id = RecordID.make("qr")
            try db.execute(sql: """
                INSERT INTO attempt_regrade (id, attempt_id, quiz_hash, results, changes, score, passed, regraded_at, regraded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, attemptID, quizHash, resultsJSON, changesJSON, min(1, max(0, result.total.doubleValue)),
                                 result.passed, now, actor])
            try self.audit(db, now, "attempt.regrade", "trainee", traineeID,
                           ["regrade": id, "attempt": attemptID, "quiz": result.quizID, "passed": result.passed ? "yes" : "no"])
        }
    }

    // MARK: Effective results and standing

    /// Every recorded attempt at `quiz` (optionally one trainee's), oldest first, with its
    /// effective result. Attempts whose stored JSON no longer decodes are left out.
    public func effectiveAttempts(quiz: Quiz, trainee reference: String? = nil) throws(LanternError) -> [EffectiveAttempt] {
        let records: [QuizAttempt]
        if let reference {
            records = try attempts(trainee: reference).filter { $0.quizID == quiz.id }
        } else {
            records = try attempts(quiz: quiz.id).attempts
        }
        return try effectiveAttempts(of: records, quiz: quiz)
    }

    /// `records` (attempts at `quiz`, already read) with their effective results: one read of
    /// their marks and regrades.
    public func effectiveAttempts(of records: [QuizAttempt], quiz: Quiz) throws(LanternError) -> [EffectiveAttempt] {
        let ids = records.map(\.id)
        let (regrades, marks) = try read { db -> ([String: String], [String: [QuestionMark]]) in
            var regrades: [String: String] = [:]
            var marks: [String: [QuestionMark]] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                let list = databaseQuestionMarks(part.count)
                for row in try Row.fetchAll(db, sql: "SELECT attempt_id, results FROM attempt_regrade WHERE attempt_id IN (\(list)) ORDER BY regraded_at, rowid",
                                            arguments: StatementArguments(part)) {
                    regrades[row["attempt_id"]] = row["results"]
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM question_mark WHERE attempt_id IN (\(list)) ORDER BY marked_at, rowid",
                                            arguments: StatementArguments(part)) {
                    guard let score = Fraction(row["score"] as String) else { continue }
                    marks[row["attempt_id"], default: []].append(QuestionMark(questionID: row["question_id"], score: score, feedback: row["feedback"],
                                                                             markedBy: row["marked_by"], markedAt: row["marked_at"]))
                }
            }
            return (regrades, marks)
        }
        return records.map { record in
            let attempt = record.attempt, recorded = record.result
            let regraded = regrades[record.id].flatMap { try? AssessmentJSON.decode(AttemptResult.self, from: $0) }
            let own = marks[record.id] ?? []
            return EffectiveAttempt(record: record, attempt: attempt, recorded: recorded, regraded: regraded, marks: own,
                                    effective: quiz.effectiveResult(attempt, recorded: recorded, regraded: regraded, marks: own))
        }
    }

    /// Where a trainee stands on `quiz`: the engine's one evaluation (`QuizStanding.evaluate`)
    /// of their effective attempts, the grants they were given, and the quiz's `wait:`.
    public func standing(trainee reference: String, quiz: Quiz) throws(LanternError) -> QuizStanding {
        let attempts = try effectiveAttempts(quiz: quiz, trainee: reference)
        let granted = try grants(trainee: reference, quiz: quiz.id).reduce(0) { $0 + $1.attempts }
        let ended = attempts.compactMap { Timestamp.date($0.record.submittedAt) }.max()
        let used = try attemptCount(trainee: reference, quiz: quiz.id).count
        return QuizStanding.evaluate(attempts.map(\.effective), settings: quiz.settings, granted: granted, lastEndedAt: ended,
                                     attemptsUsed: used)
    }
}

private func databaseQuestionMarks(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}

/// One attempt in a regrade: its effective result before and after, and what changed in the quiz.
public struct RegradeLine: Sendable, Codable {
    public var attemptID: String
    public var traineeID: String
    public var attemptNumber: Int
    public var before: AttemptResult
    public var after: AttemptResult
    public var changes: [RegradeReport.Change]
    /// Something changed (a question was edited or removed since the attempt was graded).
    public var isChanged: Bool { !changes.isEmpty }
}

extension RecordsStore {
    /// Regrades every recorded attempt at `quiz` against the quiz as it is now (its file's hash
    /// `quizHash`). Each attempt is regraded from its latest regrade (or its recorded result);
    /// its marks are applied after. Unless `dryRun`, a regrade is recorded for each attempt that
    /// changed — never touching the attempt. Returns every attempt, changed or not.
    public func regrade(quiz: Quiz, quizHash: String, dryRun: Bool) throws(LanternError) -> [RegradeLine] {
        var lines: [RegradeLine] = []
        for entry in try effectiveAttempts(quiz: quiz) {
            let base = entry.regraded ?? entry.recorded
            let report = quiz.regrade(entry.attempt, previous: base)
            let after = quiz.effectiveResult(entry.attempt, recorded: entry.recorded, regraded: report.changes.isEmpty ? entry.regraded : report.after,
                                             marks: entry.marks)
            lines.append(RegradeLine(attemptID: entry.record.id, traineeID: entry.record.traineeID, attemptNumber: entry.effective.attemptNumber,
                                     before: entry.effective, after: after, changes: report.changes))
            if !dryRun, !report.changes.isEmpty {
                try recordRegrade(attempt: entry.record.id, traineeID: entry.record.traineeID, quizHash: quizHash, result: report.after,
                                  changes: report.changes)
            }
        }
        return lines
    }
}

extension RecordsStore {
    /// The quiz a recorded attempt was taken at.
    public func attemptQuizID(_ attemptID: String) throws(LanternError) -> String {
        try read { db in
            guard let id = try String.fetchOne(db, sql: "SELECT quiz_id FROM quiz_attempt WHERE id = ?", arguments: [attemptID]) else {
                throw LanternError(.unknownAttempt, "no attempt '\(attemptID)' in the records",
                                   hint: "'lantern quiz regrade QUIZ --dry-run' lists attempt ids")
            }
            return id
        }
    }
}
