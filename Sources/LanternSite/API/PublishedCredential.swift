/// What the site may publish about one certificate: no grades, no evidence, no email.
///
/// The holder's name is present only when the holder agreed to show it. Dates are ISO 8601
/// calendar dates (`2026-03-01`) or date-times, shown as written.
public struct PublishedCredential: Sendable, Hashable, Codable {
    /// The status the issuer recorded when the site was built; the page re-checks it live.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active, expired, revoked, suspended
    }

    /// Path-safe identifier: the page lives at `credentials/<id>/`.
    public var id: String
    /// The compact VC-JWT, published as `credentials/<id>/credential.jwt`.
    public var jwt: String
    public var achievementName: String
    public var issuerName: String
    public var issuedOn: String
    public var validUntil: String?
    /// Only with the holder's consent.
    public var holderName: String?
    public var status: Status
    /// When the status last changed (revoked or suspended on; for expired, the expiry day).
    public var statusDate: String?
    /// The achievement's address (its page on this site), from the credential.
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
}
