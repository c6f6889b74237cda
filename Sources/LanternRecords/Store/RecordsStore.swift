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
    /// Who is making changes: the opaque id (`p-…`) of the principal named `actorName`, written on
    /// every record and audit row. The name itself is kept only in the `principal` table.
    public let actor: String
    /// The login or `--as` name behind `actor`.
    public let actorName: String
    let clock: @Sendable () -> Date
    /// Runs inside every write once its changes are made, just before they commit: a crash test
    /// stops the process there to prove nothing half-written survives (nil in normal use).
    let beforeCommit: (@Sendable () -> Void)?

    /// Opens (creating it unless `mustExist`) the database at `path`, acting as `actor` (a login
    /// name, or an `--as` name when `actorKind` is `.as`). `beforeCommit` runs inside every write
    /// just before it commits (crash tests stop the process there; nil in normal use).
    public init(path: String, actor: String, actorKind: PrincipalRecord.Kind = .login, mustExist: Bool = false,
                clock: @escaping @Sendable () -> Date = { Date() },
                beforeCommit: (@Sendable () -> Void)? = nil) throws(LanternError) {
        self.pool = try RecordsDatabase.open(at: path, mustExist: mustExist)
        self.path = path
        self.actorName = actor
        self.clock = clock
        do {
            self.actor = try RecordsStore.principalID(pool, kind: actorKind, name: actor, now: Timestamp.string(clock()))
        } catch {
            throw RecordsError.map(error, database: path)
        }
        self.beforeCommit = beforeCommit
    }

    /// The same records (one connection pool) with changes made by `actor` (a name: a login,
    /// or `ssh:NAME` for an SSH key's principal): one store per process, one view of it per person
    /// acting (a server serves many). Records and audit rows carry the principal's opaque id.
    public func acting(as actor: String) -> RecordsStore {
        actor == actorName ? self : RecordsStore(sharing: self, actor: actor)
    }

    private init(sharing store: RecordsStore, actor: String) {
        pool = store.pool
        path = store.path
        actorName = actor
        clock = store.clock
        let kind: PrincipalRecord.Kind = actor.hasPrefix("ssh:") ? .key : .login
        // Never the name itself in a record: if the principal cannot be resolved (the database
        // refused even this), changes are attributed to an unknown principal.
        self.actor = (try? RecordsStore.principalID(store.pool, kind: kind, name: actor, now: Timestamp.string(store.clock())))
            ?? "p-unresolved"
        beforeCommit = store.beforeCommit
    }

    /// The current time as stored.
    func now() -> String { Timestamp.string(clock()) }

    /// Runs `body` in one write transaction, mapping every failure to a `LanternError`.
    func write<T: Sendable>(_ body: @Sendable (Database, _ now: String) throws -> T) throws(LanternError) -> T {
        let now = self.now()
        let beforeCommit = self.beforeCommit
        do {
            return try pool.write { db in
                let result = try body(db, now)
                beforeCommit?()
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
        var detail = detail
        try Attestation.attach(db, subjectType: subjectType, subjectID: subjectID, detail: &detail)
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
