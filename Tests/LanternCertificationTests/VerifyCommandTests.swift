import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// `lantern cert verify` and `lantern keys`, run as a user would, from files alone.
@Suite struct VerifyCommandTests {
    let fixture = CertificateFixture()

    private func files(_ credential: String, statuses: [Int: CredentialStatus] = [:]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("credential.jwt", credential)
        _ = try folder.write("issuer.json", fixture.issuerJSON)
        _ = try folder.write("jwks.json", fixture.jwksJSON)
        _ = try folder.write("status/list.jwt", try fixture.statusList(statuses))
        return folder
    }

    private func verify(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> LanternProcess.Result {
        try LanternProcess.run(["cert", "verify", "credential.jwt", "--issuer", "issuer.json", "--status", "status/list.jwt"] + extra, in: folder.url)
    }

    @Test func validCredentialExitsZeroAndPrintsEachStep() throws {
        let folder = try files(try fixture.credential().signed(with: fixture.key))
        var arguments = ["--email", CertificateFixture.email]
        if let ob3 = CertificateFixture.ob3Folder { arguments += ["--schema", ob3.appendingPathComponent("achievementcredential.schema.json").path] }
        let result = try verify(folder, arguments)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for step in ["parse", "structure", "issuer", "signature", "status", "validity", "recipient"] {
            #expect(result.stdout.contains("pass  \(step)"), "\(step) in \(result.stdout)")
        }
        #expect(result.stdout.hasSuffix("verdict: valid\n"))
        #expect(!result.stdout.lowercased().contains("trainee@"), "the email is never printed")
    }

    @Test func eachFailureExitsOne() throws {
        let revokedIndex = 1000, suspendedIndex = 2000
        let parts = CertificateFixture.parts(try fixture.credential().signed(with: fixture.key))
        let tampered = parts[0] + "." + Base64URL.encode(CertificateFixture.decodedPart(parts[1]).replacingOccurrences(of: "Test Program", with: "Fake Program")) + "." + parts[2]
        let none = Base64URL.encode(#"{"alg":"none","typ":"vc+jwt"}"#) + "." + parts[1] + "."
        let cases: [(String, String, String)] = [
            ("tampered", tampered, "does not verify"),
            ("other key", try fixture.credential().signed(with: SigningKey.generate()), "unknown key"),
            ("alg none", none, "alg: none"),
            ("expired", try fixture.credential(validFrom: fixture.now.addingTimeInterval(-900 * 86_400), validUntil: fixture.now.addingTimeInterval(-86_400)).signed(with: fixture.key), "verdict: not valid: expired"),
            ("not yet valid", try fixture.credential(validFrom: fixture.now.addingTimeInterval(86_400)).signed(with: fixture.key), "verdict: not valid: not yet valid"),
            ("revoked", try fixture.credential(index: revokedIndex).signed(with: fixture.key), "verdict: not valid: revoked"),
            ("suspended", try fixture.credential(index: suspendedIndex).signed(with: fixture.key), "verdict: not valid: suspended"),
        ]
        for (name, token, expected) in cases {
            let folder = try files(token, statuses: [revokedIndex: .revoked, suspendedIndex: .suspended])
            let result = try verify(folder)
            #expect(result.status == 1, "\(name): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains(expected), "\(name): \(result.stdout)")
        }
    }

    @Test func jsonReportAndUsageErrors() throws {
        let folder = try files(try fixture.credential(index: 5).signed(with: fixture.key), statuses: [5: .revoked])
        let result = try verify(folder, ["--json"])
        #expect(result.status == 1)
        let report = try JSONParser.parse(result.stdout)
        #expect(report["verdict"]?.stringValue == "revoked")
        #expect(report["steps"]?.arrayValue?.count == 7)
        #expect(report["failingStep"]?.stringValue == "status")
        #expect(try LanternProcess.run(["cert", "verify", "missing.jwt"], in: folder.url).status == 2)
        #expect(try LanternProcess.run(["cert", "verify", "credential.jwt", "--at", "soon"], in: folder.url).status == 2)
    }

    @Test func keysCommandsInAWorkspace() throws {
        let folder = try TemporaryFolder()
        for (path, text) in SampleWorkspace.files { _ = try folder.write(path, text) }
        let generated = try LanternProcess.run(["keys", "generate"], in: folder.url)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try LanternProcess.run(["keys", "generate"], in: folder.url).status == 1)
        #expect(try LanternProcess.run(["keys", "rotate", "--yes"], in: folder.url).status == 0)
        let list = try LanternProcess.run(["keys", "list"], in: folder.url)
        #expect(list.stdout.components(separatedBy: "\n").filter { $0.contains("retired") }.count == 1)
        #expect(list.stdout.components(separatedBy: "\n").filter { $0.contains("active") }.count == 1)
        let exported = try LanternProcess.run(["keys", "export-public"], in: folder.url)
        let jwks = try LanternProcess.run(["keys", "export-public", "--format", "jwks"], in: folder.url)
        let profile = try IssuerProfile.resolve(exported.stdout, jwks: jwks.stdout)
        #expect(profile.keys.count == 2)
        #expect(profile.id == "https://training.example.org/issuer.json")
        #expect(!exported.stdout.contains("\"d\"") && !jwks.stdout.contains("\"d\""), "no private key material is exported")
        #expect(!exported.stdout.contains("verificationMethod"), "issuer.json is a plain Open Badges profile: keys are in jwks.json")
    }
}
