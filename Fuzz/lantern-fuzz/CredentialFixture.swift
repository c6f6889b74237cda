import Crypto
import Foundation
import LanternCertification

/// What `lantern cert verify` checks a fuzzed credential against: a fixed issuer, its key, a
/// signed status list (index 1000 revoked, 2000 suspended) and a fixed clock, so runs repeat.
///
/// The key is derived from a public string: it signs fuzz seeds and test fixtures only, and is
/// worth nothing as a secret.
struct CredentialFixture: Sendable {
    static let email = "trainee@example.org"
    static let revokedIndex = 1000
    static let suspendedIndex = 2000

    let identity = IssuerIdentity(id: "https://fuzz.example.org/issuer.json", name: "Fuzz Training Org",
                                  url: "https://fuzz.example.org/", email: nil, baseURL: "https://fuzz.example.org/")
    let key = CredentialFixture.key(named: "lantern-fuzz issuer key")
    /// A key the issuer profile does not list.
    let otherKey = CredentialFixture.key(named: "lantern-fuzz other key")
    /// 2030-01-01T00:00:00Z.
    let now = Date(timeIntervalSince1970: 1_893_456_000)
    let issuerJSON: String
    let jwksJSON: String
    let statusListJWT: String
    let verifier: CredentialVerifier
    /// A valid credential, for checking fuzzed status lists against.
    private(set) var validJWT = ""

    init() throws {
        issuerJSON = IssuerProfile(identity: identity, keys: [key.publicJWK]).json.prettySerialized
        jwksJSON = IssuerProfile(identity: identity, keys: [key.publicJWK]).jwks.prettySerialized
        var list = Bitstring(statusSize: CredentialStatus.statusSize)
        list[Self.revokedIndex] = CredentialStatus.revoked.rawValue
        list[Self.suspendedIndex] = CredentialStatus.suspended.rawValue
        statusListJWT = try StatusListCredential(id: identity.statusListURL, issuerID: identity.id, list: list,
                                                 validFrom: now.addingTimeInterval(-365 * 86_400)).signed(with: key, keyID: identity.keyID(key.thumbprint))
        verifier = CredentialVerifier(issuerProfile: issuerJSON, keys: jwksJSON, statusList: statusListJWT, now: now)
        validJWT = try credential().signed(with: key)
    }

    static func key(named name: String) -> SigningKey {
        // A SHA-256 digest is below the P-256 group order for all but a vanishing few names.
        SigningKey(try! P256.Signing.PrivateKey(rawRepresentation: Array(SHA256.hash(data: Array(name.utf8)))))
    }

    /// A credential as Lantern issues it (fixed id and salt, so seeds are stable).
    func credential(id: String = "2029-fuzzseed", index: Int = 42, validFrom: Date? = nil, validUntil: Date?? = nil) -> AchievementCredential {
        let achievement = AchievementDefinition(
            id: identity.baseURL + "achievements/peer-support", name: "Peer Support Worker Certificate",
            description: "Completed the peer support worker program.", criteria: "Passed every quiz and observation.",
            alignments: [.init(code: "intro", name: "Introduction", description: "What peer support is.",
                               url: identity.baseURL + "modules/intro/", framework: "Peer Support — competency framework")])
        return AchievementCredential(
            id: id, issuer: identity, achievement: achievement,
            recipient: RecipientIdentity(email: Self.email, salt: "00112233445566778899aabbccddeeff"),
            validFrom: validFrom ?? now.addingTimeInterval(-365 * 86_400),
            validUntil: validUntil ?? now.addingTimeInterval(365 * 86_400),
            status: StatusEntry(listURL: identity.statusListURL, index: index))
    }

    /// Signs any JSON object as a credential with the issuer's key (claims added as Lantern does).
    func sign(_ object: JSONObject) -> String? {
        try? CredentialSigner.sign(.object(object), key: key, keyID: identity.keyID(key.thumbprint))
    }

    /// Signs any JSON as a status list JWS with the issuer's key.
    func signStatusList(_ payload: JSONValue) -> String? {
        try? CompactJWS.sign(payload: payload, key: key, kid: identity.keyID(key.thumbprint), type: CredentialSigner.mediaType)
    }

    /// Every step `cert verify` takes on `data`, as the command reads a file (invalid UTF-8
    /// replaced), then the same bytes as a payload the issuer really signed (so the fuzzer gets
    /// past the signature), as an issuer profile and as a signed status list.
    func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let report = verifier.verify(text, email: Self.email)
        _ = report.text
        _ = report.json.serialized
        _ = try? IssuerProfile.resolve(text)
        _ = VerifiedStatusList(text: text, issuer: verifier.issuer)
        guard data.first == UInt8(ascii: "{"), let object = try? JSONParser.parse(text).objectValue else { return }
        // Signing costs more than everything else, so each object is signed as what it looks like.
        if object["credentialSubject"]?["encodedList"] != nil {
            if let signed = signStatusList(.object(object)) {
                _ = CredentialVerifier(issuerProfile: issuerJSON, keys: jwksJSON, statusList: signed, now: now).verify(validJWT).text
            }
        } else if let signed = sign(object) {
            _ = verifier.verify(signed, email: Self.email).text
        }
    }

    /// Seeds: the real signed credential, its JSON, every verdict, and the issuer's files.
    func seeds() throws -> [String: String] {
        var seeds: [String: String] = [
            "valid.jwt": validJWT,
            "valid.json": credential().json.prettySerialized,
            "revoked.jwt": try credential(index: Self.revokedIndex).signed(with: key),
            "suspended.jwt": try credential(index: Self.suspendedIndex).signed(with: key),
            "expired.jwt": try credential(validFrom: now.addingTimeInterval(-800 * 86_400), validUntil: now.addingTimeInterval(-86_400)).signed(with: key),
            "not-yet-valid.jwt": try credential(validFrom: now.addingTimeInterval(86_400)).signed(with: key),
            "no-expiry.jwt": try credential(validUntil: .some(nil)).signed(with: key),
            "other-key.jwt": try credential().signed(with: otherKey),
            "index-out-of-range.jwt": try credential(index: 10_000_000).signed(with: key),
            "issuer.json": issuerJSON,
            "jwks.json": jwksJSON,
            "list.jwt": statusListJWT,
        ]
        // The payloads as JSON, so mutations reach the checks behind the signature.
        for name in ["valid.jwt", "list.jwt"] {
            let parts = seeds[name]!.split(separator: ".")
            seeds[name.replacingOccurrences(of: ".jwt", with: "-payload.json")] = String(decoding: Base64URL.decode(parts[1]) ?? [], as: UTF8.self)
        }
        return seeds
    }
}
