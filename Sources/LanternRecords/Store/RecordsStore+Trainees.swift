import Crypto
import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Adds one trainee and returns it with its id.
    @discardableResult
    public func addTrainee(_ new: NewTrainee) throws(LanternError) -> Trainee {
        let problems = TraineeValidation.problems(new)
        if let first = problems.first {
            throw LanternError(.invalidTrainee, "\(first.field): \(first.message)")
        }
        let actor = self.actor
        return try write { db, now in
            let id = try RecordsStore.insertTrainee(db, new, now: now, actor: actor)
            let row = try Row.fetchOne(db, sql: "SELECT * FROM trainee WHERE id = ?", arguments: [id])!
            return RecordsStore.trainee(row)
        }
    }

    /// Every trainee, by id (erased trainees included, with their personal fields empty).
    public func trainees() throws(LanternError) -> [Trainee] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM trainee ORDER BY id").map(RecordsStore.trainee)
        }
    }

    /// The trainee for an id or external id, or an `unknown-trainee` error.
    public func trainee(_ reference: String) throws(LanternError) -> Trainee {
        try read { db in
            let id = try RecordsStore.traineeID(db, reference)
            let row = try Row.fetchOne(db, sql: "SELECT * FROM trainee WHERE id = ?", arguments: [id])!
            return RecordsStore.trainee(row)
        }
    }

    /// Inserts a validated trainee and its audit row; duplicate ids, emails and external ids
    /// are refused without naming the value.
    @discardableResult
    static func insertTrainee(_ db: Database, _ new: NewTrainee, now: String, actor: String) throws -> String {
        let id = new.id ?? RecordID.make("t")
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE id = ?", arguments: [id]) == true {
            throw LanternError(.duplicateTrainee, "there is already a trainee '\(id)'")
        }
        let email = new.email.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let email, try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE email = ?", arguments: [email]) == true {
            throw LanternError(.duplicateEmail, "another trainee already has this email address",
                               hint: "'lantern trainee list' shows who is recorded")
        }
        if let external = new.externalID,
           try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE external_id = ?", arguments: [external]) == true {
            throw LanternError(.duplicateExternalId, "another trainee already has this external id")
        }
        let salt = RecipientHash.makeSalt()
        try db.execute(sql: """
            INSERT INTO trainee (id, name, preferred_name, email, external_id, public_name_consent, credential_consent,
                                 recipient_salt, recipient_hash, created_at, created_by, print_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, new.name.trimmingCharacters(in: .whitespacesAndNewlines),
                             new.preferredName, email, new.externalID, new.publicNameConsent, new.credentialConsent,
                             salt, email.map { RecipientHash.hash(email: $0, salt: salt) }, now, actor, new.printName.rawValue])
        try AuditLog.append(db, at: now, actor: actor, action: "trainee.add", subjectType: "trainee", subjectID: id,
                            detail: ["public_name_consent": new.publicNameConsent ? "yes" : "no",
                                     "credential_consent": new.credentialConsent ? "yes" : "no"])
        return id
    }

    /// Records a trainee's consent (or its withdrawal) to their name on verification pages and
    /// to their credential being published on the site; audited. An erased trainee cannot consent.
    @discardableResult
    public func setConsent(trainee reference: String, publicName: Bool? = nil, credential: Bool? = nil) throws(LanternError) -> Trainee {
        try write { db, now in
            let id = try RecordsStore.traineeID(db, reference)
            let current = RecordsStore.trainee(try Row.fetchOne(db, sql: "SELECT * FROM trainee WHERE id = ?", arguments: [id])!)
            guard current.erasedAt == nil else { throw LanternError(.alreadyErased, "trainee \(id) was erased") }
            let name = publicName ?? current.publicNameConsent
            let published = credential ?? current.credentialConsent
            try db.execute(sql: "UPDATE trainee SET public_name_consent = ?, credential_consent = ? WHERE id = ?", arguments: [name, published, id])
            try self.audit(db, now, "trainee.consent", "trainee", id,
                           ["public_name_consent": name ? "yes" : "no", "credential_consent": published ? "yes" : "no"])
            return RecordsStore.trainee(try Row.fetchOne(db, sql: "SELECT * FROM trainee WHERE id = ?", arguments: [id])!)
        }
    }
}

/// The salted hash of a trainee's email that an Open Badges credential carries instead of the
/// email (`sha256$<hex of sha256(email + salt)>`), kept after erasure so a holder can still
/// prove a certificate is theirs.
public enum RecipientHash {
    public static func makeSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return AuditLog.hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public static func hash(email: String, salt: String) -> String {
        let digest = SHA256.hash(data: Data((email.lowercased() + salt).utf8))
        return "sha256$" + AuditLog.hex(digest)
    }
}
