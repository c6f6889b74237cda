import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// Certificates issued by the release before issue 16 (Tests/Fixtures/release-ac5aaf9, made by
/// that release's binary) keep verifying through the documented legacy path: accepted, with a
/// warning that strict verifiers may reject them and that a reissue replaces them.
@Suite struct LegacyCredentialTests {
    static let folder = RepositoryPaths.packageRoot(from: #filePath).appendingPathComponent("Tests/Fixtures/release-ac5aaf9/published")
    static let active = "2026-efn3m93g"
    static let suspended = "2026-9n9s0yhv"
    /// Inside both credentials' validity window.
    static let at = CredentialDate.parse("2027-06-01T00:00:00Z")!

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent(path), encoding: .utf8)
    }

    private func credential(_ id: String) throws -> String { try read("credentials/\(id)/credential.jwt") }

    @Test func publishedFilesOfThePreviousReleaseStillVerify() throws {
        let verifier = CredentialVerifier(issuerProfile: try read("issuer.json"), statusList: try read("status/list.jwt"), now: Self.at)
        let report = verifier.verify(try credential(Self.active))
        #expect(report.verdict == .valid, "\(report.text)")
        #expect(report.legacy)
        let conformance = try #require(report.step("conformance"))
        #expect(conformance.status == .warn)
        for finding in ["no 'sub' claim", "typ is vc+jwt", "3 statusMessage values", "points into issuer.json", "strict Open Badges 3.0 verifiers may reject it", "lantern cert reissue \(Self.active)"] {
            #expect(conformance.detail.contains(finding), "\(finding) in \(conformance.detail)")
        }
        let suspended = verifier.verify(try credential(Self.suspended))
        #expect(suspended.verdict == .suspended, "\(suspended.text)")
        #expect(suspended.failingStep == "status")
    }

    /// After upgrading, the issuer publishes the new files (plain profile, jwks.json, the new
    /// status list format); the old credentials' `issuer.json#<thumbprint>` kid is found in the
    /// JWK set by its thumbprint.
    @Test func oldCredentialsVerifyAgainstTheNewPublication() throws {
        let old = try JSONParser.parse(try read("issuer.json"))
        let legacyProfile = try IssuerProfile.resolve(try read("issuer.json"))
        let identity = IssuerIdentity(id: legacyProfile.id, name: legacyProfile.name ?? "", url: nil, email: nil,
                                      baseURL: String(legacyProfile.id.dropLast("issuer.json".count)))
        let keys = try (old["verificationMethod"]?.arrayValue ?? []).map { try PublicJWK(jwk: $0["publicKeyJwk"]!) }
        let profile = IssuerProfile(identity: identity, keys: keys)
        let verifier = CredentialVerifier(issuerProfile: profile.json.serialized, keys: profile.jwks.serialized,
                                          statusList: try read("status/list.jwt"), now: Self.at)
        let report = verifier.verify(try credential(Self.active))
        #expect(report.verdict == .valid, "\(report.text)")
        #expect(report.legacy)
        #expect(verifier.verify(try credential(Self.suspended)).verdict == .suspended)
    }

    @Test func cliAcceptsThemWithTheWarning() throws {
        let result = try LanternProcess.run(["cert", "verify", "credentials/\(Self.active)/credential.jwt", "--issuer", "issuer.json",
                                             "--status", "status/list.jwt", "--at", "2027-06-01T00:00:00Z"], in: Self.folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("warn  conformance  legacy credential"))
        #expect(result.stdout.hasSuffix("verdict: valid\n"))
        let suspended = try LanternProcess.run(["cert", "verify", "credentials/\(Self.suspended)/credential.jwt", "--issuer", "issuer.json",
                                                "--status", "status/list.jwt", "--at", "2027-06-01T00:00:00Z", "--json"], in: Self.folder)
        #expect(suspended.status == 1)
        #expect(try JSONParser.parse(suspended.stdout)["verdict"]?.stringValue == "suspended")
    }
}
