import GRDB
import LanternDiagnostics

/// Who acts: an opaque id (`p-…`) written in audit rows and `recorded_by` columns, and the name
/// behind it in the `principal` table — the only place a login or `--as` name is kept, so
/// erasing a trainee clears it without rewriting the audit chain.
public struct PrincipalRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The operating-system login running `lantern`.
        case login
        /// A name given with `--as`.
        case `as`
        /// An SSH key (issue 15's server): the name is the key's fingerprint.
        case key
    }

    public var id: String
    public var kind: Kind
    /// Nil once erased.
    public var name: String?
    public var traineeID: String?
}

extension RecordsStore {
    /// The principal id for `name` of `kind`, created on first use (one short write).
    static func principalID(_ pool: DatabasePool, kind: PrincipalRecord.Kind, name: String, now: String) throws -> String {
        if let id = try pool.read({ db in
            try String.fetchOne(db, sql: "SELECT id FROM principal WHERE kind = ? AND name = ?", arguments: [kind.rawValue, name])
        }) {
            return id
        }
        return try pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO principal (id, kind, name, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [RecordID.make("p"), kind.rawValue, name, now])
            return try String.fetchOne(db, sql: "SELECT id FROM principal WHERE kind = ? AND name = ?", arguments: [kind.rawValue, name])!
        }
    }

    /// Every principal by id (the names behind audit rows' opaque ids).
    public func principals() throws(LanternError) -> [String: PrincipalRecord] {
        try read { db in
            var all: [String: PrincipalRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, name, trainee_id FROM principal") {
                let id: String = row[0]
                all[id] = PrincipalRecord(id: id, kind: PrincipalRecord.Kind(rawValue: row[1]) ?? .login, name: row[2], traineeID: row[3])
            }
            return all
        }
    }

    /// Marks the acting principal as being `trainee` (the learner's own login), so erasing the
    /// trainee clears its name. A principal already linked to another trainee is left alone.
    public func linkActor(toTrainee reference: String) throws(LanternError) {
        let actor = self.actor
        try write { db, _ in
            let id = try RecordsStore.traineeID(db, reference)
            try db.execute(sql: "UPDATE principal SET trainee_id = ? WHERE id = ? AND trainee_id IS NULL AND erased_at IS NULL",
                           arguments: [id, actor])
        }
    }
}
