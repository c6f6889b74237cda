import Foundation
import GRDB
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing
@testable import LanternServe

/// Invitations and keys in the records: one-time codes, stored hashed, limited, expiring,
/// revocable; bindings audited under the key's opaque principal; erasure removes keys.
@Suite("Enrolment codes and SSH keys in the records")
struct InvitationTests {
    let folder: TemporaryFolder
    let now = Locked(Date(timeIntervalSince1970: 1_800_000_000))
    let store: RecordsStore
    let trainee: String

    init() throws {
        folder = try TemporaryFolder(prefix: "lantern-invite")
        let now = now
        store = try RecordsStore(path: folder.url.appendingPathComponent("records.sqlite").path, actor: "office",
                                 clock: { now.withLock { $0 } })
        trainee = try store.addTrainee(NewTrainee(name: "Ada Lovelace", email: "ada@example.org")).id
    }

    static let keyLine = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlT660uv1QsdevCw8ZUxDAq+vz2m/kUCSPkMDIVcbIy"
    static let fingerprint = "SHA256:6EipmWQf9/spSss4/ZMwQff/IOn3073qkpBoOgyeX10"

    private func redeem(_ code: String, fingerprint: String = fingerprint) throws -> EnrolmentOutcome {
        try store.redeemInvitation(code, publicKey: Self.keyLine, fingerprint: fingerprint, maxTries: 3)
    }

    private func refusal(_ outcome: EnrolmentOutcome) -> String? {
        if case .refused(let reason, _) = outcome { return reason }
        return nil
    }

    @Test("A code has 80 secret bits in 20 base-32 characters, is kept only as a hash, and works once")
    func codeIsHashedAndSingleUse() throws {
        let invitation = try store.invite(.trainee(trainee), lifetime: 3_600)
        let characters = invitation.code.replacingOccurrences(of: "-", with: "")
        #expect(characters.count == 20)
        #expect(InvitationCode.normalize(invitation.code) != nil)
        let secret = String(characters.dropFirst(4)).lowercased()
        let stored = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM invitation") }
        for row in stored {
            for column in row.columnNames {
                let value = (row[column] as DatabaseValue).description.lowercased()
                #expect(!value.contains(secret), "column \(column) holds the secret")
            }
        }

        guard case .enrolled(let binding) = try redeem(invitation.code.lowercased()) else {
            Issue.record("the code did not enrol")
            return
        }
        #expect(binding.holder == .trainee(trainee))
        #expect(binding.principalID.hasPrefix("p-"))
        #expect(try store.keyBinding(fingerprint: Self.fingerprint) == binding)
        #expect(refusal(try redeem(invitation.code, fingerprint: "SHA256:other")) == "That code has been used already. Ask for a new one.")

        // The audit row names the new principal, never the key.
        let entry = try #require(try store.auditEntries(subjectID: trainee).last)
        #expect(entry.action == "key.enrol")
        #expect(entry.actor == binding.principalID)
        #expect(!"\(entry)".contains(Self.fingerprint))
    }

    @Test("Wrong tries lock the code, even against the right code afterwards; the lock is audited")
    func wrongTriesLock() throws {
        let invitation = try store.invite(.trainee(trainee), lifetime: 3_600)
        var wrong = Array(invitation.code)
        wrong[wrong.count - 1] = wrong.last == "A" ? "B" : "A"
        for _ in 0..<3 {
            #expect(refusal(try redeem(String(wrong)))?.contains("not right") == true)
        }
        #expect(refusal(try redeem(invitation.code))?.contains("locked") == true)
        #expect(try store.keyBinding(fingerprint: Self.fingerprint) == nil)
        #expect(try store.auditEntries().contains { $0.action == "invitation.locked" })
    }

    @Test("A code expires, and a revoked code works no more")
    func expiryAndRevocation() throws {
        let expiring = try store.invite(.trainee(trainee), lifetime: 60)
        now.withLock { $0 = $0.addingTimeInterval(61) }
        #expect(refusal(try redeem(expiring.code))?.contains("expired") == true)

        let revoked = try store.invite(.trainee(trainee), lifetime: 3_600)
        #expect(try store.revokeInvitations(.trainee(trainee)) == 1)
        #expect(refusal(try redeem(revoked.code))?.contains("cancelled") == true)
        #expect(try store.keys(of: .trainee(trainee)).isEmpty)
    }

    @Test("Garbage is refused without touching any code")
    func garbage() throws {
        for typed in ["", "hello", String(repeating: "z", count: 21), "ABCD-EFGH-JKMN-PQRS-TVW!", "\u{1B}[2J"] {
            #expect(refusal(try redeem(typed)) != nil)
        }
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM invitation WHERE failed_tries > 0") } == 0)
    }

    @Test("Removing a key retires its principal; erasing a trainee removes their keys and cancels their codes")
    func removalAndErasure() throws {
        let first = try store.invite(.trainee(trainee), lifetime: 3_600)
        guard case .enrolled(let binding) = try redeem(first.code) else { Issue.record("no enrolment"); return }
        try store.removeKey(Self.fingerprint, of: .trainee(trainee))
        #expect(try store.keyBinding(fingerprint: Self.fingerprint) == nil)
        let retired = try store.principals()[binding.principalID]
        #expect(retired?.name == nil)

        let second = try store.invite(.trainee(trainee), lifetime: 3_600)
        guard case .enrolled(let again) = try redeem(second.code) else { Issue.record("no second enrolment"); return }
        #expect(again.principalID != binding.principalID)
        let open = try store.invite(.trainee(trainee), lifetime: 3_600)

        _ = try store.eraseTrainee(trainee)
        #expect(try store.keyBinding(fingerprint: Self.fingerprint) == nil)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ssh_key") } == 0)
        #expect(try store.principals()[again.principalID]?.name == nil)
        #expect(refusal(try redeem(open.code, fingerprint: "SHA256:new")) != nil)
    }

    @Test("Wrong codes from one address are limited within the window; successes are not counted")
    func addressThrottle() {
        let throttle = EnrolmentThrottle(limit: 2, window: 3_600)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(throttle.mayTry("192.0.2.1", now: start))
        throttle.failed("192.0.2.1", now: start)
        throttle.failed("192.0.2.1", now: start)
        #expect(!throttle.mayTry("192.0.2.1", now: start.addingTimeInterval(10)))
        #expect(throttle.mayTry("192.0.2.2", now: start.addingTimeInterval(10)))
        #expect(throttle.mayTry("192.0.2.1", now: start.addingTimeInterval(3_601)))
    }
}
