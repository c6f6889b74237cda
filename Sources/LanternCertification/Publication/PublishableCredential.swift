import Foundation
import LanternDiagnostics

/// What the static site may publish about one credential — and nothing more: no grades, no
/// evidence, no notes, no email (not even its hash beyond what the signed credential holds).
/// The holder's display name appears only when the holder consented. The one shape of a
/// published credential: `cert publish`, `cert export` and `lantern build` (its
/// `VerificationSite`) all take it.
public struct PublishableCredential: Sendable, Hashable, Codable {
    /// The status the issuer recorded when the site was built; the page re-checks it live.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
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
    /// Only with the holder's consent.
    public var holderName: String?
    public var status: Status
    /// `yyyy-mm-dd` when the status changed (revoked or suspended on), or the expiry day.
    public var statusDate: String?
    /// The achievement's id (its page's address).
    public var achievementID: String?

    public init(id: String, jwt: String, achievementName: String, issuerName: String, issuedOn: String,
                validUntil: String? = nil, holderName: String? = nil, status: Status = .active,
                statusDate: String? = nil, achievementID: String? = nil) {
        self.statusDate = statusDate
        self.achievementID = achievementID
        self.id = id
        self.jwt = jwt
        self.achievementName = achievementName
        self.issuerName = issuerName
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.holderName = holderName
        self.status = status
    }

    /// Whether `id` can name a folder and a URL part: 1–128 of `A-Z a-z 0-9 - _ .`, not `.`-led.
    public static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 128, id.first != "." else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
    }

    /// LinkedIn's "add to profile" address for this credential (the one builder of it: the
    /// printable certificate and the site's page both use it).
    public func linkedInURL(verificationURL: String) -> String {
        LinkedInLink.url(achievementName: achievementName, issuerName: issuerName, issuedOn: issuedOn, validUntil: validUntil,
                         verificationURL: verificationURL, credentialID: id)
    }

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
            throw LanternError(.credentialInvalid, "credential \(id) has no validFrom")
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
