import Foundation
import LanternCertification
import LanternSite
import LanternTestSupport
import Testing

/// The verification page with the real browser verifier and real ES256 signatures: a stranger's
/// browser must reach the same verdict as `lantern cert verify` for each kind of certificate.
@Suite("Verification pages in headless Chromium, real signatures")
struct RealCredentialBrowserTests {
    static var chromiumAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    }

    @Test("valid, tampered, revoked, suspended and expired certificates get the right verdict")
    func verdicts() throws {
        guard Self.chromiumAvailable else {
            print("skipped: headless Chromium test needs /usr/bin/chromium (apt-get install chromium)")
            return
        }
        let base = "https://training.example.org/"
        let identity = IssuerIdentity(id: base + "issuer.json", name: "Test Training Org", url: "https://example.org/",
                                      email: nil, baseURL: base)
        let key = SigningKey.generate()
        let now = Date()
        let achievement = AchievementDefinition(id: base + "achievements/test", name: "Test Certificate",
                                                description: "A test program.", criteria: "Passed everything.", alignments: [])
        func credential(index: Int, validFrom: Date = now.addingTimeInterval(-86_400),
                        validUntil: Date = now.addingTimeInterval(86_400 * 365)) throws -> String {
            try AchievementCredential(
                id: AchievementCredential.newID(now: now), issuer: identity, achievement: achievement,
                recipient: RecipientIdentity(email: "holder@example.org", salt: RecipientIdentity.randomSalt()),
                validFrom: validFrom, validUntil: validUntil,
                status: StatusEntry(listURL: identity.statusListURL, index: index)
            ).signed(with: key)
        }

        let valid = try credential(index: 10)
        var parts = valid.split(separator: ".").map(String.init)
        let payload = String(decoding: Base64URL.decode(parts[1]) ?? [], as: UTF8.self)
            .replacingOccurrences(of: "Test Certificate", with: "Test Certificate With Honours")
        parts[1] = Base64URL.encode(payload)
        let tampered = parts.joined(separator: ".")
        let revoked = try credential(index: 11)
        let suspended = try credential(index: 12)
        let expired = try credential(index: 13, validFrom: now.addingTimeInterval(-86_400 * 800),
                                     validUntil: now.addingTimeInterval(-86_400))

        var list = Bitstring(statusSize: CredentialStatus.statusSize)
        list[11] = CredentialStatus.revoked.rawValue
        list[12] = CredentialStatus.suspended.rawValue
        let statusList = try StatusListCredential(id: identity.statusListURL, issuerID: identity.id, list: list, validFrom: now)
            .signed(with: key, keyID: identity.keyID(key.thumbprint))
        let issuer = IssuerProfile(identity: identity, keys: [key.publicJWK]).json.prettySerialized
        let jwks = IssuerProfile(identity: identity, keys: [key.publicJWK]).jwks.prettySerialized

        func page(_ id: String, _ jwt: String) -> PublishableCredential {
            PublishableCredential(id: id, jwt: jwt, achievementName: "Test Certificate", issuerName: "Test Training Org",
                                issuedOn: "2026-01-01", validUntil: nil, holderName: nil, status: .active)
        }
        let verification = VerificationSite(
            issuerJSON: issuer, jwksJSON: jwks, statusListJWT: statusList, verifierScript: BrowserVerifier.script,
            credentials: [page("valid-1", valid), page("tampered-1", tampered), page("revoked-1", revoked),
                          page("suspended-1", suspended), page("expired-1", expired)])

        let verdicts = try BrowserVerificationTests.verdicts(for: verification)
        #expect(verdicts == ["valid-1": "valid", "tampered-1": "invalid", "revoked-1": "revoked",
                             "suspended-1": "suspended", "expired-1": "expired"])

        // The command-line verifier agrees on every one.
        let cli = CredentialVerifier(issuerProfile: issuer, keys: jwks, statusList: statusList, schema: nil, now: now)
        #expect(cli.verify(valid).verdict.rawValue == "valid")
        #expect(cli.verify(tampered).verdict.rawValue == "invalid")
        #expect(cli.verify(revoked).verdict.rawValue == "revoked")
        #expect(cli.verify(suspended).verdict.rawValue == "suspended")
        #expect(cli.verify(expired).verdict.rawValue == "expired")
    }
}
