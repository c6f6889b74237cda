import Foundation
import LanternDiagnostics
import LanternRecords

/// Staff invite a trainee or assessor to `lantern serve`: a one-time code, shown once (only its
/// hash is kept), valid for a while (72 hours by default), revocable.
public struct InviteToServe: Sendable {
    public static let defaultLifetime: TimeInterval = 72 * 3_600

    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    /// Makes the code and writes it with how to use it.
    @discardableResult
    public func invite(_ holder: KeyHolder, lifetime: TimeInterval = defaultLifetime,
                       host: String = "HOST", port: Int = 2222) throws(LanternError) -> RecordsStore.NewInvitation {
        let invitation = try records.invite(holder, lifetime: lifetime)
        let portOption = port == 22 ? "" : "-p \(port) "
        output.write("""
            \(invitation.code)

            One-time code for \(holder.kind) \(holder.id), valid until \(invitation.expiresAt) (UTC).
            It is shown only this once: give it to them privately (not by the same channel as the
            server's address if you can). They connect with their own SSH key:
                ssh \(portOption)enrol@\(host)
            type the code when asked, and from then on connect with: ssh \(portOption)\(host)
            Cancel it with: lantern \(holder.kind) invite \(holder.id) --revoke

            """)
        return invitation
    }

    /// Revokes every open code of `holder`.
    @discardableResult
    public func revoke(_ holder: KeyHolder) throws(LanternError) -> Int {
        let count = try records.revokeInvitations(holder)
        output.write(count == 0 ? "\(holder.kind) \(holder.id) has no open invitation\n"
                                : "revoked \(count) invitation\(count == 1 ? "" : "s") of \(holder.kind) \(holder.id)\n")
        return count
    }

    /// Reads `72h`, `3d`, `90m` (hours, days, minutes) as seconds; nil when it is none of these.
    public static func lifetime(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount > 0, amount.isFinite else { return nil }
        switch unit {
        case "m": return amount * 60
        case "h": return amount * 3_600
        case "d": return amount * 86_400
        default: return nil
        }
    }
}
