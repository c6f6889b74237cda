import Foundation
import LanternDiagnostics

/// An Open Badges 3.0 `AchievementCredential` (VC Data Model 2.0) as Lantern issues it.
public struct AchievementCredential: Sendable, Hashable {
    /// Short, path-safe id (`2025-k7m3q9x2`); the credential's `id` is its published address.
    public var id: String
    public var issuer: IssuerIdentity
    public var achievement: AchievementDefinition
    public var recipient: RecipientIdentity
    public var validFrom: Date
    public var validUntil: Date?
    public var status: StatusEntry
    /// The id of the credential this one renews, if any. Kept in the records, never in the
    /// credential: no context Lantern can name offline defines a `renews` term.
    public var renews: String?
    /// The credential subject's id and the JWT `sub`: a fresh `urn:uuid` per credential, so two
    /// of one holder's credentials cannot be linked by it (see docs/decisions.md).
    public var subjectID: String

    public init(id: String, issuer: IssuerIdentity, achievement: AchievementDefinition, recipient: RecipientIdentity,
                validFrom: Date, validUntil: Date?, status: StatusEntry, renews: String? = nil,
                subjectID: String = AchievementCredential.newSubjectID()) {
        self.id = id
        self.subjectID = subjectID
        self.issuer = issuer
        self.achievement = achievement
        self.recipient = recipient
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.status = status
        self.renews = renews
    }

    /// A new random credential id: the year and eight base-32 characters.
    public static func newID(now: Date = Date()) -> String {
        String(CredentialDate.format(now).prefix(4)) + "-" + RandomID.base32(8)
    }

    /// A new unlinkable subject id: `urn:uuid:` and a random (version 4) UUID.
    public static func newSubjectID() -> String { "urn:uuid:" + UUID().uuidString.lowercased() }

    /// The credential's `id`.
    public var url: String { issuer.credentialURL(id) }

    /// The credential as JSON, members in a readable order.
    public var json: JSONValue {
        var object = JSONObject([
            ("@context", [.string(CredentialContexts.vc2), .string(CredentialContexts.ob3), .string(CredentialContexts.ob3Extensions)]),
            ("id", .string(url)),
            ("type", ["VerifiableCredential", "OpenBadgeCredential"]),
            ("name", .string(achievement.name)),
            ("description", .string(achievement.description)),
            ("image", achievement.imageJSON),
            ("issuer", issuer.profileJSON),
            ("validFrom", .string(CredentialDate.format(validFrom))),
        ])
        if let validUntil { object["validUntil"] = .string(CredentialDate.format(validUntil)) }
        object["awardedDate"] = .string(CredentialDate.format(validFrom))
        object["credentialSubject"] = .object(JSONObject([
            ("id", .string(subjectID)),
            ("type", ["AchievementSubject"]),
            ("identifier", [recipient.json]),
            ("achievement", achievement.json),
        ]))
        object["credentialStatus"] = status.json
        object["credentialSchema"] = [["id": .string(CredentialContexts.ob3Schema), "type": .string(CredentialContexts.ob3SchemaType)]]
        return .object(object)
    }

    /// Signs the credential as a VC-JWT (ES256) with `key`.
    public func signed(with key: SigningKey) throws -> String {
        try CredentialSigner.sign(json, key: key, keyID: issuer.keyID(key.thumbprint))
    }
}
