import Foundation
import GRDB

/// Evidence and certificate rows prove themselves: the audit entry that records a row, and
/// every entry that changes it (a sign-off, a status change), carries `record: "<table>:<id>"`
/// and the row's `digest` (`RowDigest`). The audit chain links those entries, so a row that
/// Lantern never recorded (a plain `INSERT`), or one changed without its own audit entry (an
/// `UPDATE` that undoes a suspension), no longer matches the latest digest the log holds for it.
///
/// `lantern db check` checks every row; certificate issue and renewal check the trainee's rows
/// and refuse while any of them fails, so evidence Lantern never recorded cannot earn a
/// certificate.
public enum Attestation {
    /// The tables whose every row must match the latest digest the audit log holds for it.
    /// Grants, hand marks and regrades (issue 17) change what an attempt earns, so they are
    /// evidence too.
    public static let tables = ["quiz_attempt", "quiz_grant", "question_mark", "attempt_regrade", "observation",
                                "practicum_hours", "ce_hours", "certificate"]

    /// Tables whose rows name their trainee through the attempt they belong to.
    static let attemptChildren: Set<String> = ["question_mark", "attempt_regrade"]

    /// Which detail key of an audit entry names the row it records, and in which tables to look
    /// for it. Matched by key, not by action name, so a new action about an attempt, an
    /// observation or an hours entry (a void, a correction) is attested without a list to update.
    /// The more specific keys come first: a mark's entry names its attempt too.
    static let detailKeys: [(key: String, tables: [String])] = [
        ("grant", ["quiz_grant"]),
        ("mark", ["question_mark"]),
        ("regrade", ["attempt_regrade"]),
        ("attempt", ["quiz_attempt"]),
        ("observation", ["observation"]),
        ("entry", ["practicum_hours", "ce_hours"]),
    ]

    /// Adds `record`, `digest` and `trainee` to an audit entry's detail when the entry is about an
    /// attested row that exists (call after the change, inside its transaction).
    static func attach(_ db: Database, subjectType: String, subjectID: String, detail: inout [String: String]) throws {
        var found: (table: String, row: Row)?
        if subjectType == "certificate", let row = try Row.fetchOne(db, sql: "SELECT * FROM certificate WHERE id = ?", arguments: [subjectID]) {
            found = ("certificate", row)
        } else {
            search: for (key, tables) in detailKeys {
                guard let id = detail[key] else { continue }
                for table in tables {
                    if let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) {
                        found = (table, row)
                        break search
                    }
                }
            }
        }
        guard let (table, row) = found else { return }
        let id: String = row["id"]
        detail["record"] = "\(table):\(id)"
        detail["digest"] = RowDigest.digest(row)
        if detail["trainee"] == nil, let trainee = try traineeID(db, of: row) { detail["trainee"] = trainee }
    }

    /// The trainee a row belongs to: its own `trainee_id`, or its attempt's.
    static func traineeID(_ db: Database, of row: Row) throws -> String? {
        if let trainee: String = row["trainee_id"] { return trainee }
        guard let attempt: String = row["attempt_id"] else { return nil }
        return try String.fetchOne(db, sql: "SELECT trainee_id FROM quiz_attempt WHERE id = ?", arguments: [attempt])
    }

    /// Writes an attestation for every row of every attested table: the one sanctioned rewrite.
    /// A migration that changes evidence rows calls this (or `attest(_:table:id:…)` for the rows
    /// it changed) inside itself, so the new digests are in the chain with the migration's name.
    static func attestAll(_ db: Database, migration: String) throws {
        let now = Timestamp.string(Date())
        for table in tables {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            for row in rows {
                let id: String = row["id"]
                var detail = ["record": "\(table):\(id)", "digest": RowDigest.digest(row), "migration": migration]
                if let trainee = try traineeID(db, of: row) { detail["trainee"] = trainee }
                try AuditLog.append(db, at: now, actor: AuditLog.migrationActor, action: "record.attest",
                                    subjectType: table, subjectID: id, detail: detail)
            }
        }
    }

    /// One row that does not match what the audit log recorded.
    public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// No audit entry records the row: Lantern never wrote it.
            case unrecorded
            /// The row differs from the latest digest recorded for it.
            case changed
            /// The audit log records a row that is no longer there.
            case missing
        }

        public var table: String
        public var id: String
        public var kind: Kind

        public var description: String {
            switch kind {
            case .unrecorded: "\(table) row \(id) was not recorded by Lantern (no audit entry holds its digest)"
            case .changed: "\(table) row \(id) was changed after it was recorded (its digest differs from its audit entry)"
            case .missing: "\(table) row \(id) is in the audit log but no longer in the table"
            }
        }
    }

    /// Every attested row (or only one trainee's) checked against the latest digest the audit
    /// log holds for it.
    static func verify(_ db: Database, trainee: String? = nil) throws -> [Problem] {
        var recorded: [String: String] = [:]
        var sql = """
            SELECT json_extract(detail, '$.record'), json_extract(detail, '$.digest') FROM audit_log
            WHERE json_valid(detail) AND json_extract(detail, '$.record') IS NOT NULL
            """
        var arguments: StatementArguments = []
        if let trainee {
            sql += " AND ((subject_type = 'trainee' AND subject_id = ?) OR json_extract(detail, '$.trainee') = ?)"
            arguments = [trainee, trainee]
        }
        let cursor = try Row.fetchCursor(db, sql: sql + " ORDER BY id", arguments: arguments)
        while let row = try cursor.next() {
            guard let record: String = row[0], let digest: String = row[1] else { continue }
            recorded[record] = digest
        }
        var problems: [Problem] = []
        var seen = Set<String>()
        for table in tables {
            let rows: RowCursor
            if let trainee {
                let owned = attemptChildren.contains(table)
                    ? "attempt_id IN (SELECT id FROM quiz_attempt WHERE trainee_id = ?)" : "trainee_id = ?"
                rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) WHERE \(owned) ORDER BY rowid", arguments: [trainee])
            } else {
                rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            }
            while let row = try rows.next() {
                let id: String = row["id"]
                let key = "\(table):\(id)"
                seen.insert(key)
                guard let digest = recorded[key] else {
                    problems.append(Problem(table: table, id: id, kind: .unrecorded))
                    continue
                }
                if digest != RowDigest.digest(row) { problems.append(Problem(table: table, id: id, kind: .changed)) }
            }
        }
        for key in recorded.keys.sorted() where !seen.contains(key) {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, tables.contains(parts[0]) else { continue }
            problems.append(Problem(table: parts[0], id: parts[1], kind: .missing))
        }
        return problems
    }
}
