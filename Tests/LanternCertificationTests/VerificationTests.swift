import Crypto
import Foundation
import LanternCertification
import Testing

/// Every way a credential can fail verification is classified as what it is.
@Suite struct VerificationTests {
    let fixture = CertificateFixture()

    @Test func issuedCredentialIsValid() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        let report = try fixture.verifier().verify(jwt, email: CertificateFixture.email)
        #expect(report.verdict == .valid, "\(report.text)")
        #expect(report.steps.map(\.name) == ["parse", "structure", "schema", "issuer", "signature", "status", "validity", "recipient"])
        #expect(report.steps.filter { $0.status == .fail }.isEmpty)
        #expect(report.step("status")?.status == .pass)
    }

    @Test func headerIsES256WithKidAndType() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        let header = CertificateFixture.decodedPart(CertificateFixture.parts(jwt)[0])
        #expect(header.contains(#""alg":"ES256""#))
        // OB 3.0 §8.2.3: typ, when present, MUST be JWT.
        #expect(header.contains(#""typ":"JWT""#))
        // kid points into the published JWK set.
        #expect(header.contains(#""kid":"https://training.example.org/jwks.json#\#(fixture.key.thumbprint)""#))
    }

    /// OB 3.0 §8.2.4.1 and VC-JOSE-COSE: iss, jti, sub, nbf, exp; no vc; sub is the subject's id,
    /// a fresh urn:uuid per credential (two credentials of one holder cannot be linked by it).
    @Test func payloadCarriesTheRegisteredClaimsAndNoVC() throws {
        let first = try fixture.credential().signed(with: fixture.key)
        let second = try fixture.credential().signed(with: fixture.key)
        let payload = try CompactJWS(parsing: first).payload
        let subjectID = try #require(payload["credentialSubject"]?["id"]?.stringValue)
        #expect(payload["sub"]?.stringValue == subjectID)
        #expect(subjectID.hasPrefix("urn:uuid:") && subjectID.count == 45)
        #expect(payload["iss"]?.stringValue == fixture.identity.id)
        #expect(payload["jti"]?.stringValue == payload["id"]?.stringValue)
        #expect(payload["nbf"]?.intValue != nil && payload["exp"]?.intValue != nil)
        #expect(payload["vc"] == nil)
        #expect(payload["renews"] == nil)
        #expect(try CompactJWS(parsing: second).payload["sub"]?.stringValue != subjectID, "unlinkable: a new urn:uuid per credential")
        let report = try fixture.verifier().verify(first)
        #expect(report.verdict == .valid && !report.legacy, "\(report.text)")
        #expect(report.step("conformance") == nil)
    }

    /// VC-JOSE-COSE: a `vc` claim MUST NOT be present. The verifier used to unwrap it and check
    /// the copy; now the token is refused whatever the copy says.
    @Test func aVCClaimIsRefused() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        var payload = try CompactJWS(parsing: jwt).payload.objectValue!
        payload["vc"] = .object(payload)
        let token = try CompactJWS.sign(payload: .object(payload), key: fixture.key, kid: fixture.identity.keyID(fixture.key.thumbprint), type: "JWT")
        let report = try fixture.verifier().verify(token)
        #expect(report.verdict == .invalid)
        #expect(report.step("parse")?.status == .fail)
        #expect(report.step("parse")?.detail.contains("'vc' claim") == true)
    }

    @Test func aSubThatIsNotTheSubjectFails() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        var payload = try CompactJWS(parsing: jwt).payload.objectValue!
        payload["sub"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
        let token = try CompactJWS.sign(payload: .object(payload), key: fixture.key, kid: fixture.identity.keyID(fixture.key.thumbprint), type: "JWT")
        let report = try fixture.verifier().verify(token)
        #expect(report.verdict == .invalid)
        #expect(report.step("structure")?.detail.contains("sub differs") == true)
    }

    @Test func tamperedPayloadFailsSignature() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        var parts = CertificateFixture.parts(jwt)
        let payload = CertificateFixture.decodedPart(parts[1]).replacingOccurrences(of: "Test Program Certificate", with: "Medical Doctor")
        #expect(payload.contains("Medical Doctor"))
        parts[1] = Base64URL.encode(payload)
        let report = try fixture.verifier().verify(parts.joined(separator: "."))
        #expect(report.verdict == .invalid)
        #expect(report.step("signature")?.status == .fail)
        #expect(report.step("signature")?.detail.contains("does not verify") == true)
    }

    @Test func resignedWithAnotherKeyFails() throws {
        let stranger = SigningKey.generate()
        // The forger keeps the issuer's kid but signs with their own key.
        let parts = CertificateFixture.parts(try fixture.credential().signed(with: fixture.key))
        let input = parts[0] + "." + parts[1]
        let forged = input + "." + Base64URL.encode(try stranger.sign(Array(input.utf8)))
        let report = try fixture.verifier().verify(forged)
        #expect(report.verdict == .invalid)
        #expect(report.step("issuer")?.status == .pass)
        #expect(report.step("signature")?.status == .fail)
    }

    @Test func unknownKidFails() throws {
        let stranger = SigningKey.generate()
        let jwt = try fixture.credential().signed(with: stranger)
        let report = try fixture.verifier().verify(jwt)
        #expect(report.verdict == .invalid)
        #expect(report.step("issuer")?.status == .fail)
        #expect(report.step("issuer")?.detail.contains("unknown key") == true)
    }

    @Test func algNoneIsRefused() throws {
        let parts = CertificateFixture.parts(try fixture.credential().signed(with: fixture.key))
        let header = #"{"alg":"none","kid":"https://training.example.org/issuer.json#\#(fixture.key.thumbprint)","typ":"vc+jwt"}"#
        for signature in ["", parts[2]] {
            let token = Base64URL.encode(header) + "." + parts[1] + "." + signature
            let report = try fixture.verifier().verify(token)
            #expect(report.verdict == .invalid)
            #expect(report.step("signature")?.detail.contains("alg: none") == true, "\(report.text)")
        }
    }

    @Test func hs256SubstitutionIsRefused() throws {
        // The classic attack: HMAC the token with the issuer's *public* key as the secret.
        let parts = CertificateFixture.parts(try fixture.credential().signed(with: fixture.key))
        let header = Base64URL.encode(#"{"alg":"HS256","kid":"https://training.example.org/issuer.json#\#(fixture.key.thumbprint)","typ":"vc+jwt"}"#)
        let input = header + "." + parts[1]
        for secret in [Array(fixture.key.privateKey.publicKey.pemRepresentation.utf8), Array(fixture.issuerJSON.utf8),
                       [UInt8](fixture.key.privateKey.publicKey.x963Representation)] {
            let mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: SymmetricKey(data: secret))
            let report = try fixture.verifier().verify(input + "." + Base64URL.encode(Array(mac)))
            #expect(report.verdict == .invalid)
            #expect(report.step("signature")?.detail.contains("HS256") == true)
        }
    }

    @Test func derSignatureIsRefused() throws {
        let parts = CertificateFixture.parts(try fixture.credential().signed(with: fixture.key))
        let input = parts[0] + "." + parts[1]
        let der = try fixture.key.privateKey.signature(for: Array(input.utf8)).derRepresentation
        let report = try fixture.verifier().verify(input + "." + Base64URL.encode([UInt8](der)))
        #expect(report.step("signature")?.status == .fail)
    }

    @Test func expiredAndNotYetValid() throws {
        let expired = try fixture.credential(validFrom: fixture.now.addingTimeInterval(-800 * 86_400),
                                             validUntil: fixture.now.addingTimeInterval(-70 * 86_400)).signed(with: fixture.key)
        let expiredReport = try fixture.verifier().verify(expired)
        #expect(expiredReport.verdict == .expired)
        #expect(expiredReport.step("signature")?.status == .pass)
        #expect(expiredReport.step("validity")?.detail.hasPrefix("expired on") == true)

        let future = try fixture.credential(validFrom: fixture.now.addingTimeInterval(10 * 86_400)).signed(with: fixture.key)
        let futureReport = try fixture.verifier().verify(future)
        #expect(futureReport.verdict == .notYetValid)

        // And the same credential is valid once its time comes, and expired after.
        #expect(try fixture.verifier(at: fixture.now.addingTimeInterval(11 * 86_400)).verify(future).verdict == .valid)
        #expect(try fixture.verifier(at: fixture.now.addingTimeInterval(800 * 86_400)).verify(future).verdict == .expired)
    }

    @Test(arguments: [CredentialStatus.revoked, .suspended, .active])
    func statusListIsRead(status: CredentialStatus) throws {
        let index = StatusEntry.randomIndex(avoiding: [])!
        let jwt = try fixture.credential(index: index).signed(with: fixture.key)
        // Neighbours set, to catch an off-by-one in the bit order.
        let statuses: [Int: CredentialStatus] = [index: status, index - 1 >= 0 ? index - 1 : index + 2: .revoked, index + 1 < 131_072 ? index + 1 : index - 2: .suspended]
        let report = try fixture.verifier(statuses: statuses).verify(jwt)
        let expected: VerificationReport.Verdict = status == .revoked ? .revoked : status == .suspended ? .suspended : .valid
        #expect(report.verdict == expected, "\(report.text)")
    }

    @Test func forgedStatusListIsNotTrusted() throws {
        let jwt = try fixture.credential(index: 7).signed(with: fixture.key)
        let forgedList = try fixture.statusList([:], signedWith: SigningKey.generate())
        let verifier = CredentialVerifier(issuerProfile: fixture.issuerJSON, keys: fixture.jwksJSON, statusList: forgedList, now: fixture.now)
        let report = verifier.verify(jwt)
        // A list that does not verify says nothing about the credential: cannot check, never valid.
        #expect(report.verdict == .cannotCheck)
        #expect(report.step("status")?.status == .warn)
        #expect(report.toDo.contains { $0.contains("status/list.jwt") })
    }

    /// Issue 20 finding: a revoked credential verified with the issuer profile but without the
    /// status list came out valid. A credential that names a status list is *cannot check*
    /// until that list is given.
    @Test func missingStatusListCannotCheck() throws {
        let jwt = try fixture.credential(index: 9).signed(with: fixture.key)
        let report = CredentialVerifier(issuerProfile: fixture.issuerJSON, keys: fixture.jwksJSON, statusList: nil, now: fixture.now).verify(jwt)
        #expect(report.verdict == .cannotCheck)
        #expect(report.verdict.exitCode == 3)
        #expect(report.step("status")?.status == .warn)
        #expect(report.toDo == ["give the status list \(fixture.identity.statusListURL) (cert verify --status FILE)"])
        #expect(report.text.contains("verdict: cannot check"))
    }

    @Test func missingIssuerOrKeysCannotCheck() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        let list = try fixture.statusList()
        let noIssuer = CredentialVerifier(issuerProfile: nil, statusList: list, now: fixture.now).verify(jwt)
        #expect(noIssuer.verdict == .cannotCheck)
        #expect(noIssuer.toDo.first?.contains("https://training.example.org/jwks.json") == true)
        let noKeys = CredentialVerifier(issuerProfile: fixture.issuerJSON, statusList: list, now: fixture.now).verify(jwt)
        #expect(noKeys.verdict == .cannotCheck, "\(noKeys.text)")
        let unreadable = CredentialVerifier(issuerProfile: "<html>", keys: fixture.jwksJSON, statusList: list, now: fixture.now).verify(jwt)
        #expect(unreadable.verdict == .cannotCheck)
        // A forgery is still not valid without the issuer's files.
        let none = CertificateFixture.token(header: #"{"alg":"none"}"#, payload: #"{"a":1}"#, signature: [])
        #expect(CredentialVerifier(issuerProfile: nil, statusList: nil).verify(none).verdict == .invalid)
    }

    @Test func wrongEmailFailsRecipient() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        let report = try fixture.verifier().verify(jwt, email: "someone.else@example.org")
        #expect(report.step("recipient")?.status == .fail)
        #expect(report.verdict == .invalid)
        #expect(try fixture.verifier().verify(jwt, email: "  trainee@example.ORG ").verdict == .valid)
        #expect(!jwt.contains("trainee@example.org"))
        #expect(!CertificateFixture.decodedPart(CertificateFixture.parts(jwt)[1]).lowercased().contains("trainee@example.org"))
    }

    @Test func retiredKeysStillVerify() throws {
        var rotated = fixture
        let old = try fixture.credential().signed(with: fixture.key)
        rotated.retiredKeys = [fixture.key]
        let newKeyFixture = CertificateFixture()
        // Profile with both keys: the old credential still verifies.
        let profile = IssuerProfile(identity: fixture.identity, keys: [fixture.key.publicJWK, newKeyFixture.key.publicJWK]).json.serialized
        let keys = IssuerProfile(identity: fixture.identity, keys: [fixture.key.publicJWK, newKeyFixture.key.publicJWK]).jwks.serialized
        let verifier = CredentialVerifier(issuerProfile: profile, keys: keys, statusList: try fixture.statusList(), now: fixture.now)
        #expect(verifier.verify(old).verdict == .valid)
    }

    @Test func garbageIsInvalidNotACrash() throws {
        let verifier = try fixture.verifier()
        for text in ["", "{", "a.b", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.e30.", "[1,2]", String(repeating: "[", count: 10_000), "{\"a\":1,\"a\":2}"] {
            #expect(verifier.verify(text).verdict == .invalid)
        }
    }
}
