import Crypto
import Foundation
import GRDB
import LanternDiagnostics

/// Invitations and SSH keys for `lantern serve` (issue 15): who may connect, as whom.
extension RecordsStore {
    /// A new invitation: the code, shown once and never stored (only the SHA-256 of its secret
    /// part is), and when it expires.
    public struct NewInvitation: Sendable, Hashable {
        public var id: String
        /// `XXXX-XXXX-XXXX-XXXX-XXXX`: the first group finds the invitation, the other 16
        /// characters are the secret (80 random bits).
        public var code: String
        public var expiresAt: String
    }

    /// Makes a one-time code for `holder` (who must exist and, for a trainee, not be erased),
    /// valid for `lifetime` seconds. Earlier open codes for the same person stay valid until they
    /// are used, expire or are revoked.
    public func invite(_ holder: KeyHolder, lifetime: TimeInterval) throws(LanternError) -> NewInvitation {
        guard lifetime > 0 else { throw LanternError(.invalidLifetime, "an invitation must be valid for some time") }
        let expires = Timestamp.string(clock().addingTimeInterval(lifetime))
        let actor = self.actor
        return try write { db, now in
            let holder = try Self.resolve(db, holder)
            var id = ""
            repeat {
                id = RandomID.base32(4)
            } while try Bool.fetchOne(db, sql: "SELECT 1 FROM invitation WHERE id = ?", arguments: [id]) == true
            let secret = RandomID.base32(16)
            try db.execute(sql: """
                INSERT INTO invitation (id, secret_hash, trainee_id, assessor_id, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, InvitationCode.hash(secret: secret), holder.traineeID, holder.assessorID, now, actor, expires])
            try self.audit(db, now, "invitation.create", holder.kind, holder.id, ["invitation": id, "expires": expires])
            return NewInvitation(id: id, code: InvitationCode.display(id + secret), expiresAt: expires)
        }
    }

    /// Revokes every open invitation of `holder`; returns how many.
    @discardableResult
    public func revokeInvitations(_ holder: KeyHolder) throws(LanternError) -> Int {
        try write { db, now in
            let holder = try Self.resolve(db, holder)
            try db.execute(sql: """
                UPDATE invitation SET revoked_at = ?
                WHERE (trainee_id IS ? AND assessor_id IS ?) AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                """, arguments: [now, holder.traineeID, holder.assessorID, now])
            let count = db.changesCount
            if count > 0 { try self.audit(db, now, "invitation.revoke", holder.kind, holder.id, ["count": String(count)]) }
            return count
        }
    }

    /// Redeems `typed` for the key `publicKey` (an OpenSSH line) with `fingerprint`. One
    /// transaction: the code is checked (a wrong secret counts against the invitation, which locks
    /// after `maxTries`), the invitation used, a principal of kind `key` made (linked to the
    /// trainee), the key bound and the binding audited under the new principal.
    public func redeemInvitation(_ typed: String, publicKey: String, fingerprint: String, maxTries: Int) throws(LanternError) -> EnrolmentOutcome {
        let wrong = "That code is not right. Check it and type it again, or ask for a new one."
        guard let normalized = InvitationCode.normalize(typed) else {
            return .refused(reason: "A code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.", countsAsFailure: true)
        }
        let id = String(normalized.prefix(4))
        let secretHash = InvitationCode.hash(secret: String(normalized.dropFirst(4)))
        return try write { db, now in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM invitation WHERE id = ?", arguments: [id]) else {
                return .refused(reason: wrong, countsAsFailure: true)
            }
            let failedTries: Int = row["failed_tries"]
            let expected: String = row["secret_hash"]
            guard InvitationCode.constantTimeEqual(expected, secretHash) else {
                if failedTries < maxTries {
                    try db.execute(sql: "UPDATE invitation SET failed_tries = failed_tries + 1 WHERE id = ?", arguments: [id])
                    if failedTries + 1 == maxTries {
                        try self.audit(db, now, "invitation.locked", "invitation", id, ["tries": String(maxTries)])
                    }
                }
                return .refused(reason: wrong, countsAsFailure: true)
            }
            if (row["used_at"] as String?) != nil {
                return .refused(reason: "That code has been used already. Ask for a new one.", countsAsFailure: true)
            }
            if (row["revoked_at"] as String?) != nil {
                return .refused(reason: "That code was cancelled. Ask for a new one.", countsAsFailure: true)
            }
            if failedTries >= maxTries {
                return .refused(reason: "That code was locked after too many wrong tries. Ask for a new one.", countsAsFailure: true)
            }
            if (row["expires_at"] as String) <= now {
                return .refused(reason: "That code has expired. Ask for a new one.", countsAsFailure: true)
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM ssh_key WHERE fingerprint = ?", arguments: [fingerprint]) == true {
                return .refused(reason: "This key is already enrolled. Connect without 'enrol@' to use it, or enrol with another key.",
                                countsAsFailure: false)
            }
            let traineeID: String? = row["trainee_id"]
            let assessorID: String? = row["assessor_id"]
            if let traineeID, try String.fetchOne(db, sql: "SELECT erased_at FROM trainee WHERE id = ?", arguments: [traineeID]) != nil {
                return .refused(reason: "That code is no longer valid. Ask for a new one.", countsAsFailure: true)
            }
            let principalName = "ssh:" + fingerprint
            // A retired key's principal has lost its name, so this is always a new principal.
            let principalID = RecordID.make("p")
            try db.execute(sql: "INSERT INTO principal (id, kind, name, trainee_id, created_at) VALUES (?, 'key', ?, ?, ?)",
                           arguments: [principalID, principalName, traineeID, now])
            try db.execute(sql: "UPDATE invitation SET used_at = ? WHERE id = ?", arguments: [now, id])
            try db.execute(sql: """
                INSERT INTO ssh_key (fingerprint, public_key, principal_id, trainee_id, assessor_id, invitation_id, enrolled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [fingerprint, publicKey, principalID, traineeID, assessorID, id, now])
            let holder: KeyHolder = traineeID.map(KeyHolder.trainee) ?? .assessor(assessorID ?? "")
            try AuditLog.append(db, at: now, actor: principalID, action: "key.enrol", subjectType: holder.kind, subjectID: holder.id,
                                detail: ["invitation": id, "principal": principalID])
            return .enrolled(KeyBinding(fingerprint: fingerprint, publicKey: publicKey, principalID: principalID, holder: holder, enrolledAt: now))
        }
    }

    /// The binding of the key with `fingerprint`, or nil when no one holds it (or its trainee
    /// was erased).
    public func keyBinding(fingerprint: String) throws(LanternError) -> KeyBinding? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT k.* FROM ssh_key k LEFT JOIN trainee t ON t.id = k.trainee_id
                WHERE k.fingerprint = ? AND t.erased_at IS NULL
                """, arguments: [fingerprint]) else { return nil }
            return Self.keyBinding(row)
        }
    }

    /// Every key bound to `holder`, oldest first.
    public func keys(of holder: KeyHolder) throws(LanternError) -> [KeyBinding] {
        try read { db in
            let holder = try Self.resolve(db, holder)
            return try Row.fetchAll(db, sql: """
                SELECT * FROM ssh_key WHERE trainee_id IS ? AND assessor_id IS ? ORDER BY enrolled_at, fingerprint
                """, arguments: [holder.traineeID, holder.assessorID]).map(Self.keyBinding)
        }
    }

    /// Removes `holder`'s key with `fingerprint` (as printed; the `SHA256:` prefix may be left
    /// out). Its principal's name is cleared, so the key must be enrolled again to connect.
    @discardableResult
    public func removeKey(_ fingerprint: String, of holder: KeyHolder) throws(LanternError) -> KeyBinding {
        let wanted = fingerprint.hasPrefix("SHA256:") ? fingerprint : "SHA256:" + fingerprint
        return try write { db, now in
            let holder = try Self.resolve(db, holder)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM ssh_key WHERE fingerprint = ? AND trainee_id IS ? AND assessor_id IS ?
                """, arguments: [wanted, holder.traineeID, holder.assessorID]) else {
                throw LanternError(.unknownKey, "\(holder.kind) \(holder.id) has no key \(wanted)",
                                   hint: "'lantern \(holder.kind) keys \(holder.id)' lists their keys")
            }
            let binding = Self.keyBinding(row)
            try db.execute(sql: "DELETE FROM ssh_key WHERE fingerprint = ?", arguments: [wanted])
            try Self.retirePrincipal(db, binding.principalID, now: now)
            try self.audit(db, now, "key.remove", holder.kind, holder.id, ["principal": binding.principalID])
            return binding
        }
    }

    /// Inside an erasure: deletes the trainee's keys, retires their principals and revokes their
    /// open invitations. Returns how many keys were removed.
    static func eraseSSHAccess(_ db: Database, trainee: String, now: String) throws -> Int {
        let principals = try String.fetchAll(db, sql: "SELECT principal_id FROM ssh_key WHERE trainee_id = ?", arguments: [trainee])
        try db.execute(sql: "DELETE FROM ssh_key WHERE trainee_id = ?", arguments: [trainee])
        for principal in principals { try retirePrincipal(db, principal, now: now) }
        try db.execute(sql: "UPDATE invitation SET revoked_at = ? WHERE trainee_id = ? AND used_at IS NULL AND revoked_at IS NULL",
                       arguments: [now, trainee])
        return principals.count
    }

    private static func retirePrincipal(_ db: Database, _ id: String, now: String) throws {
        try db.execute(sql: "UPDATE principal SET name = NULL, erased_at = ? WHERE id = ? AND erased_at IS NULL", arguments: [now, id])
    }

    private static func keyBinding(_ row: Row) -> KeyBinding {
        let traineeID: String? = row["trainee_id"]
        let assessorID: String? = row["assessor_id"]
        return KeyBinding(fingerprint: row["fingerprint"], publicKey: row["public_key"], principalID: row["principal_id"],
                          holder: traineeID.map(KeyHolder.trainee) ?? .assessor(assessorID ?? ""), enrolledAt: row["enrolled_at"])
    }

    /// The holder with its id resolved (a trainee's external id accepted), checked to exist.
    private struct ResolvedHolder {
        var kind: String
        var id: String
        var traineeID: String?
        var assessorID: String?
    }

    private static func resolve(_ db: Database, _ holder: KeyHolder) throws -> ResolvedHolder {
        switch holder {
        case .trainee(let reference):
            let id = try traineeID(db, reference)
            if try String.fetchOne(db, sql: "SELECT erased_at FROM trainee WHERE id = ?", arguments: [id]) != nil {
                throw LanternError(.traineeErased, "trainee \(id) was erased")
            }
            return ResolvedHolder(kind: "trainee", id: id, traineeID: id, assessorID: nil)
        case .assessor(let id):
            _ = try assessor(db, id)
            return ResolvedHolder(kind: "assessor", id: id, traineeID: nil, assessorID: id)
        }
    }
}

/// The one-time code's text: 20 Crockford base-32 characters shown in groups of four.
public enum InvitationCode {
    /// `abcdefgh…` as `ABCD-EFGH-…`.
    static func display(_ code: String) -> String {
        var groups: [String] = []
        var rest = Substring(code.uppercased())
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: "-")
    }

    /// What was typed as the 20 characters of a code (any case, spaces and hyphens ignored,
    /// O read as 0 and I, L as 1, as Crockford's base 32 says), or nil when it cannot be one.
    public static func normalize(_ typed: String) -> String? {
        var result = ""
        for character in typed.lowercased() {
            switch character {
            case " ", "-", "\t": continue
            case "o": result.append("0")
            case "i", "l": result.append("1")
            case _ where "0123456789abcdefghjkmnpqrstvwxyz".contains(character): result.append(character)
            default: return nil
            }
        }
        return result.count == 20 ? result : nil
    }

    static func hash(secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
