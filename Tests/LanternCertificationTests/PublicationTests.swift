import Foundation
import LanternCertification
import LanternDiagnostics
import Testing

@Suite struct PublicationTests {
    let fixture = CertificateFixture()

    @Test func publishableFieldsOnlyAndNameOnlyWithConsent() throws {
        let credential = fixture.credential()
        let jwt = try credential.signed(with: fixture.key)
        let withoutConsent = try PublishableCredential.make(id: credential.id, jwt: jwt, recordedStatus: .active,
                                                            holderName: "Alex Example", holderConsented: false, now: fixture.now)
        #expect(withoutConsent.holderName == nil)
        #expect(withoutConsent.status == .active)
        #expect(withoutConsent.achievementName == "Test Program Certificate")
        #expect(withoutConsent.issuerName == "Test Training Org")
        #expect(withoutConsent.issuedOn == CredentialDate.formatDay(credential.validFrom))
        #expect(withoutConsent.validUntil == credential.validUntil.map(CredentialDate.formatDay))
        let withConsent = try PublishableCredential.make(id: credential.id, jwt: jwt, recordedStatus: .suspended,
                                                         holderName: "Alex Example", holderConsented: true, now: fixture.now)
        #expect(withConsent.holderName == "Alex Example")
        #expect(withConsent.status == .suspended)
        let later = try PublishableCredential.make(id: credential.id, jwt: jwt, recordedStatus: .active, holderName: nil,
                                                   holderConsented: true, now: fixture.now.addingTimeInterval(800 * 86_400))
        #expect(later.status == .expired)
    }

    @Test func issuerPublicationVerifiesItsOwnCredentials() throws {
        let credential = fixture.credential(index: 9)
        let jwt = try credential.signed(with: fixture.key)
        let publication = try IssuerPublication(identity: fixture.identity, keys: [PublishedKey(fixture.key.publicJWK)], signingKey: fixture.key,
                                                statuses: [9: .suspended], now: fixture.now)
        #expect(Set(publication.files.keys) == ["issuer.json", "jwks.json", "status/list.jwt"])
        let verifier = CredentialVerifier(issuerProfile: publication.issuerJSON, keys: publication.jwksJSON, statusList: publication.statusListJWT, now: fixture.now)
        #expect(verifier.verify(jwt).verdict == .suspended)
        #expect(!publication.issuerJSON.contains("\"d\"") && !publication.jwksJSON.contains("\"d\""))
        #expect(try JSONParser.parse(publication.jwksJSON)["keys"]?.arrayValue?.count == 1)
        #expect(try JSONParser.parse(publication.issuerJSON)["verificationMethod"] == nil)
    }

    @Test func statusListIsLargeEnoughAndRoundTrips() throws {
        var list = Bitstring(statusSize: 2)
        #expect(list.count >= Bitstring.minimumEntries)
        list[0] = 1; list[131_071] = 2; list[4242] = 3
        let decoded = try Bitstring(encoded: try list.encoded(), statusSize: 2)
        #expect(decoded == list)
        #expect(try list.encoded().hasPrefix("uH4sI"), "multibase base64url of GZIP data")
        #expect(try list.encoded().count < 2000, "an almost empty list compresses well")
        #expect(decoded[4242] == 3 && decoded[4241] == 0 && decoded[4243] == 0)
    }
}

/// Issue 16: compression failure returned an empty result, which would have signed and
/// published an empty status list; a schema keyword the validator does not implement was
/// skipped silently.
@Suite struct FailClosedTests {
    let fixture = CertificateFixture()

    @Test func gzipFailureThrows() throws {
        #expect(throws: LanternError.self) { try Gzip.compress([1, 2, 3], level: 42) }
        #expect(try Gzip.decompress(try Gzip.compress([1, 2, 3])) == [1, 2, 3])
    }

    @Test func schemaWithAnUnimplementedAssertionFailsClosed() throws {
        let jwt = try fixture.credential().signed(with: fixture.key)
        let strict = JSONSchemaValidator(schema: try JSONParser.parse(#"{"type":"object","properties":{"name":{"type":"string","maxLength":3}}}"#))
        #expect(strict.unsupportedKeywords == ["maxLength"])
        let report = try fixture.verifier(schema: strict).verify(jwt)
        #expect(report.verdict == .cannotCheck, "\(report.text)")
        #expect(report.step("schema")?.detail.contains("maxLength") == true)
        // Annotations are not assertions: ignored, as the specification allows.
        let annotated = JSONSchemaValidator(schema: try JSONParser.parse(
            #"{"title":"t","description":"d","$comment":"c","type":"object","properties":{"name":{"type":"string","examples":["x"]}}}"#))
        #expect(annotated.unsupportedKeywords.isEmpty)
        #expect(try fixture.verifier(schema: annotated).verify(jwt).verdict == .valid)
        // The official OB 3.0 schema uses only keywords Lantern implements.
        if let ob3 = CertificateFixture.ob3Folder {
            #expect(try JSONSchemaValidator(contentsOf: ob3.appendingPathComponent("achievementcredential.schema.json")).unsupportedKeywords.isEmpty)
        }
    }
}
