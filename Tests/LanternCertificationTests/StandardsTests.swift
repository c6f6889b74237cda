import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// Lantern's credentials against the real standard (1EdTech's schema and examples, read from
/// ../shared), and against a second implementation of JWS (Python).
@Suite struct StandardsTests {
    let fixture = CertificateFixture()

    private func ob3() throws -> URL? {
        guard let folder = CertificateFixture.ob3Folder else {
            print("skipped: ../shared/standards/ob3 is not present; the 1EdTech schema and examples were not checked")
            return nil
        }
        return folder
    }

    @Test func issuedCredentialPassesTheOfficialSchema() throws {
        guard let folder = try ob3() else { return }
        let validator = try JSONSchemaValidator(contentsOf: folder.appendingPathComponent("achievementcredential.schema.json"))
        let credential = fixture.credential()
        #expect(validator.validate(credential.json) == [])
        let report = try fixture.verifier(schema: validator).verify(try credential.signed(with: fixture.key))
        #expect(report.step("schema")?.status == .pass)
        #expect(report.verdict == .valid)
    }

    @Test func theSchemaValidatorCanFail() throws {
        guard let folder = try ob3() else { return }
        let validator = try JSONSchemaValidator(contentsOf: folder.appendingPathComponent("achievementcredential.schema.json"))
        var object = fixture.credential().json.objectValue!
        object["type"] = ["VerifiableCredential"]
        object["validFrom"] = "yesterday"
        var subject = object["credentialSubject"]!.objectValue!
        subject["identifier"] = [["type": "IdentityObject", "hashed": "yes"]]
        object["credentialSubject"] = .object(subject)
        let failures = validator.validate(.object(object)).map(\.description)
        #expect(failures.contains { $0.hasPrefix("/type:") })
        #expect(failures.contains { $0.hasPrefix("/validFrom:") })
        #expect(failures.contains { $0.contains("/credentialSubject/identifier/0") })
    }

    /// Expected outcomes from the examples' README (the 1EdTech validator's own tests), where
    /// Lantern's format applies; their Data Integrity proofs are reported as unsupported.
    @Test func oneEdTechExamplesAreClassified() throws {
        guard let folder = try ob3() else { return }
        let examples = folder.appendingPathComponent("examples")
        let validator = try JSONSchemaValidator(contentsOf: folder.appendingPathComponent("achievementcredential.schema.json"))
        let verifier = CredentialVerifier(issuerProfile: nil, statusList: nil, schema: validator)
        func report(_ name: String) throws -> VerificationReport {
            verifier.verify(try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8))
        }
        for name in ["simple.json", "complete.json"] {
            let r = try report(name)
            #expect(r.step("structure")?.status == .pass, "\(name): \(r.text)")
            #expect(r.step("schema")?.status == .pass, "\(name): \(r.text)")
            #expect(r.step("validity")?.status == .pass, "\(name): \(r.text)")
            #expect(r.step("signature")?.detail.contains("unsupported proof type DataIntegrityProof") == true)
            #expect(r.verdict == .unverifiable, "a proof Lantern cannot check is never shown as valid")
        }
        let expired = try report("simple-err-expired.json")
        #expect(expired.step("validity")?.detail.hasPrefix("expired") == true)
        #expect(expired.verdict != .valid)
        let future = try report("simple-err-issued.json")
        #expect(future.step("validity")?.detail.hasPrefix("not yet valid") == true)
        let badType = try report("simple-err-type.json")
        #expect(badType.step("structure")?.status == .fail)
        #expect(badType.step("schema")?.status == .fail)
        #expect(badType.verdict == .invalid)
        let badProof = try report("simple-err-proof-value.json")
        #expect(badProof.verdict == .unverifiable, "Lantern cannot check eddsa-rdfc-2022, so it must not call it valid")
        let noProof = try report("simple-noproof.json")
        #expect(noProof.step("signature")?.detail.hasPrefix("no proof") == true)
        #expect(noProof.verdict == .invalid)
        let jwt = try report("simple.jwt")
        // An RS256 VC 1.1 token with a `vc` claim: refused at parse (VC-JOSE-COSE forbids `vc`).
        #expect(jwt.step("parse")?.detail.contains("'vc' claim") == true)
        #expect(jwt.verdict == .invalid)
        let revoked = try report("credential-status-revoked.json")
        #expect(revoked.verdict != .valid)
        #expect(revoked.step("status")?.detail.contains("1EdTechRevocationList") == true)
    }

    @Test func oneEdTechStatusListHasBit23Set() throws {
        guard let folder = try ob3() else { return }
        let text = try String(contentsOf: folder.appendingPathComponent("examples/bitstring-testlist"), encoding: .utf8)
        let json = try JSONParser.parse(text)
        let encoded = try #require(json["credentialSubject"]?["encodedList"]?.stringValue)
        let list = try Bitstring(encoded: encoded)
        #expect(list[23] == 1)
        #expect((0..<list.count).filter { list[$0] == 1 } == [23])
        // Its Data Integrity proof is not something Lantern accepts as a signed list.
        if case .failed(_, let reason) = VerifiedStatusList(text: text, issuer: nil) {
            #expect(reason.contains("VC-JWT"))
        } else {
            Issue.record("an embedded-proof status list must not count as verified")
        }
    }

    @Test func pythonVerifiesLanternSignatures() throws {
        let script = RepositoryPaths.packageRoot(from: #filePath).appendingPathComponent("scripts/verify-credential.py")
        let folder = try TemporaryFolder()
        let credential = try fixture.credential().signed(with: fixture.key)
        try fixture.jwksJSON.write(to: folder.url.appendingPathComponent("jwks.json"), atomically: true, encoding: .utf8)
        var schemaArgument: [String] = []
        if let ob3 = CertificateFixture.ob3Folder { schemaArgument = [ob3.appendingPathComponent("achievementcredential.schema.json").path] }

        func run(_ token: String) throws -> (Int32, String) {
            let file = folder.url.appendingPathComponent("credential.jwt")
            try token.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, file.path, folder.url.appendingPathComponent("jwks.json").path] + schemaArgument
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }

        let (status, output) = try run(credential)
        if status == 3 || status == 127 || output.contains("No such file") {
            print("skipped: Python with joserfc or cryptography is not available (\(output.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        #expect(status == 0, "\(output)")
        #expect(output.hasPrefix("valid"))

        var parts = CertificateFixture.parts(credential)
        parts[1] = Base64URL.encode(CertificateFixture.decodedPart(parts[1]).replacingOccurrences(of: "Passed every quiz.", with: "Passed nothing."))
        #expect(try run(parts.joined(separator: ".")).0 == 1, "tampered payload")
        #expect(try run(try fixture.credential().signed(with: SigningKey.generate())).0 == 1, "unknown key")
        let none = Base64URL.encode(#"{"alg":"none","kid":"\#(fixture.identity.keyID(fixture.key.thumbprint))"}"#) + "." + CertificateFixture.parts(credential)[1] + "."
        #expect(try run(none).0 == 1, "alg none")
    }
}
