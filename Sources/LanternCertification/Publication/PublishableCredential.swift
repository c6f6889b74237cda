import Foundation
import LanternDiagnostics

/// What the static site may publish about one credential — and nothing more: no grades, no
/// evidence, no notes, no email (not even its hash beyond what the signed credential holds).
/// The holder's display name appears only when the holder consented. Field for field this is
/// what `LanternSite.PublishedCredential` takes.
public struct PublishableCredential: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case active, expired, revoked, suspended
    }

    /// Path-safe short id: the page is `credentials/<id>/`.
    public var id: String
    /// The signed VC-JWT, published as `credentials/<id>/credential.jwt`.
    public var jwt: String
    public var achievementName: String
    public var issuerName: String
    /// `yyyy-mm-dd` (UTC).
    public var issuedOn: String
    /// `yyyy-mm-dd` (UTC), nil when the credential does not expire.
    public var validUntil: String?
    public var holderName: String?
    public var status: Status
    /// `yyyy-mm-dd` when the status changed (revoked or suspended on), or the expiry day.
    public var statusDate: String?
    /// The achievement's id (its page's address).
    public var achievementID: String?

    /// Reads the publishable fields from a signed credential Lantern issued.
    ///
    /// - Parameters:
    ///   - id: the credential's short id.
    ///   - jwt: the signed credential.
    ///   - recordedStatus: what the issuer recorded (active, revoked or suspended).
    ///   - holderName: the holder's display name; published only when `holderConsented`.
    ///   - now: the time that decides "expired".
    public static func make(id: String, jwt: String, recordedStatus: CredentialStatus, holderName: String?,
                            holderConsented: Bool, statusChangedAt: String? = nil, now: Date = Date()) throws(LanternError) -> PublishableCredential {
        let payload = try CompactJWS(parsing: jwt).payload
        guard let validFromText = payload["validFrom"]?.stringValue, let validFrom = CredentialDate.parse(validFromText) else {
            throw LanternError("credential-invalid", "credential \(id) has no validFrom")
        }
        let validUntil = payload["validUntil"]?.stringValue.flatMap(CredentialDate.parse)
        let status: Status
        switch recordedStatus {
        case .revoked: status = .revoked
        case .suspended: status = .suspended
        case .active: status = validUntil.map { $0 <= now } == true ? .expired : .active
        }
        return PublishableCredential(
            id: id, jwt: jwt,
            achievementName: payload["credentialSubject"]?["achievement"]?["name"]?.stringValue ?? payload["name"]?.stringValue ?? "",
            issuerName: payload["issuer"]?["name"]?.stringValue ?? "",
            issuedOn: CredentialDate.formatDay(validFrom),
            validUntil: validUntil.map(CredentialDate.formatDay),
            holderName: holderConsented ? holderName : nil,
            status: status,
            statusDate: status == .expired ? validUntil.map(CredentialDate.formatDay)
                : status == .active ? nil : statusChangedAt.map { String($0.prefix(10)) },
            achievementID: payload["credentialSubject"]?["achievement"]?["id"]?.stringValue)
    }
}
