import Crypto
import Foundation
import LanternCertification
import LanternTestSupport

/// An issuer with a key, a status list and credentials made to order, for tests.
struct CertificateFixture {
    static let baseURL = "https://training.example.org/"
    static let email = "Trainee@Example.org"

    let identity = IssuerIdentity(id: baseURL + "issuer.json", name: "Test Training Org", url: "https://example.org/",
                                  email: nil, baseURL: baseURL)
    let key = SigningKey.generate()
    var retiredKeys: [SigningKey] = []
    let now = Date()

    var achievement: AchievementDefinition {
        AchievementDefinition(
            id: Self.baseURL + "achievements/test-program", name: "Test Program Certificate",
            description: "A test program.", criteria: "Passed every quiz.",
            alignments: [.init(code: "intro", name: "Introduction", description: "What peer support is.",
                               url: Self.baseURL + "modules/intro/", framework: "Test Program — competency framework")])
    }

    func credential(index: Int = 42, validFrom: Date? = nil, validUntil: Date?? = nil) -> AchievementCredential {
        AchievementCredential(
            id: AchievementCredential.newID(now: now), issuer: identity, achievement: achievement,
            recipient: RecipientIdentity(email: Self.email, salt: RecipientIdentity.randomSalt()),
            validFrom: validFrom ?? now.addingTimeInterval(-86_400),
            validUntil: validUntil ?? now.addingTimeInterval(730 * 86_400),
            status: StatusEntry(listURL: identity.statusListURL, index: index))
    }

    var issuerJSON: String {
        IssuerProfile(identity: identity, keys: (retiredKeys + [key]).map(\.publicJWK)).json.prettySerialized
    }

    /// `jwks.json`: every key, retired ones too.
    var jwksJSON: String {
        IssuerProfile(identity: identity, keys: (retiredKeys + [key]).map(\.publicJWK)).jwks.prettySerialized
    }

    func statusList(_ statuses: [Int: CredentialStatus] = [:], signedWith signer: SigningKey? = nil) throws -> String {
        var list = Bitstring(statusSize: CredentialStatus.statusSize)
        for (index, status) in statuses { list[index] = status.rawValue }
        return try StatusListCredential(id: identity.statusListURL, issuerID: identity.id, list: list, validFrom: now)
            .signed(with: signer ?? key, keyID: identity.keyID((signer ?? key).thumbprint))
    }

    func verifier(statuses: [Int: CredentialStatus] = [:], schema: JSONSchemaValidator? = nil, at date: Date? = nil) throws -> CredentialVerifier {
        CredentialVerifier(issuerProfile: issuerJSON, keys: jwksJSON, statusList: try statusList(statuses), schema: schema, now: date ?? now)
    }

    /// A token with any header, payload and signature bytes, for forgeries.
    static func token(header: String, payload: String, signature: [UInt8]) -> String {
        Base64URL.encode(header) + "." + Base64URL.encode(payload) + "." + Base64URL.encode(signature)
    }

    static func parts(_ jwt: String) -> [String] { jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    static func decodedPart(_ part: String) -> String { String(decoding: Base64URL.decode(part) ?? [], as: UTF8.self) }

    /// `../shared/standards/ob3`, or nil (tests then skip with a message).
    static var ob3Folder: URL? {
        guard let shared = RepositoryPaths.shared(from: #filePath) else { return nil }
        let folder = shared.appendingPathComponent("standards/ob3")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }
}
