import Foundation
import GRDB
import LanternDiagnostics

/// The records of one organisation: open it once per process, then record and query.
///
/// Every change runs in one IMMEDIATE transaction together with its audit-log row, so a crash
/// leaves either the whole change or nothing. Errors are `LanternError`s that name records by
/// id, never by a person's name or email.
public final class RecordsStore: Sendable {
    public let pool: DatabasePool
    /// The database path as shown in messages.
    public let path: String
    /// Who is making changes (`--as`, or the OS user); written on every record and audit row.
    public let actor: String
    let clock: @Sendable () -> Date

    /// Opens (creating it unless `mustExist`) the database at `path`.
    public init(path: String, actor: String, mustExist: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }) throws(LanternError) {
        self.pool = try RecordsDatabase.open(at: path, mustExist: mustExist)
        self.path = path
        self.actor = actor
        self.clock = clock
    }

    /// The same records (one connection pool) with changes made by `actor`: one store per
    /// process, one view of it per person acting (a server serves many).
    public func acting(as actor: String) -> RecordsStore {
        actor == self.actor ? self : RecordsStore(sharing: self, actor: actor)
    }

    private init(sharing store: RecordsStore, actor: String) {
        pool = store.pool
        path = store.path
        self.actor = actor
        clock = store.clock
    }

    /// The current time as stored.
    func now() -> String { Timestamp.string(clock()) }

    /// Runs `body` in one write transaction, mapping every failure to a `LanternError`.
    func write<T: Sendable>(_ body: @Sendable (Database, _ now: String) throws -> T) throws(LanternError) -> T {
        let now = self.now()
        do {
            return try pool.write { db in
                let result = try body(db, now)
                CrashTestHook.pauseBeforeCommit()
                return result
            }
        } catch {
            throw RecordsError.map(error, database: path)
        }
    }

    /// Runs `body` on a consistent snapshot, mapping every failure to a `LanternError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(LanternError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw RecordsError.map(error, database: path)
        }
    }

    func audit(_ db: Database, _ now: String, _ action: String, _ subjectType: String, _ subjectID: String,
               _ detail: [String: String] = [:]) throws {
        try AuditLog.append(db, at: now, actor: actor, action: action, subjectType: subjectType,
                            subjectID: subjectID, detail: detail)
    }

    /// The audit log, oldest first (optionally only the rows about one subject).
    public func auditEntries(subjectID: String? = nil) throws(LanternError) -> [AuditLog.Entry] {
        try read { db in
            let rows: [Row]
            if let subjectID {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE subject_id = ? ORDER BY id", arguments: [subjectID])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id")
            }
            return rows.map { row in
                AuditLog.Entry(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"],
                               subjectType: row["subject_type"], subjectID: row["subject_id"],
                               detail: row["detail"], prevHash: row["prev_hash"], hash: row["hash"])
            }
        }
    }
}
