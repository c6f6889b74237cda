import Foundation
import LanternCertification
import LanternSite
import LanternTestSupport
import Synchronization
import Testing

/// Opens verification pages in headless Chromium (Debian's `chromium`), served over HTTP on
/// 127.0.0.1, and reads the verdict the page shows. Skipped when Chromium or Python is absent.
///
/// These tests check the page itself: it fetches the three published files, hands them to
/// `lanternVerify` and shows that verdict. The verifier here is a stand-in that reports what a
/// credential's payload asks for unless the signature segment was altered, so valid, tampered
/// and revoked pages each have a known right answer.
@Suite("verification pages in a real browser", .serialized)
struct BrowserVerificationTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Answers from the payload's `expect`, and `invalid` when the signature is not `c2ln`
    /// or the issuer and status list did not arrive.
    static let standInVerifier = """
    async function lanternVerify(credentialJWT, issuerJSONText, statusListJWT) {
      var parts = credentialJWT.trim().split(".");
      var payload = JSON.parse(atob(parts[1].replace(/-/g, "+").replace(/_/g, "/")));
      var issuer = JSON.parse(issuerJSONText);
      var signed = parts[2] === "c2ln" && issuer.name === "Test Training Org" && statusListJWT.split(".").length === 3;
      return { verdict: signed ? payload.expect : "invalid",
               steps: [{ name: "Signature", status: signed ? "pass" : "fail", detail: signed ? "stand-in check" : "altered" }] };
    }

    """

    static func credential(_ id: String, expect: String, signature: String = "c2ln") -> PublishableCredential {
        let payload = Data("{\"expect\":\"\(expect)\"}".utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return PublishableCredential(id: id, jwt: "eyJhbGciOiJFUzI1NiJ9.\(payload).\(signature)", achievementName: "Test Program",
                                   issuerName: "Test Training Org", issuedOn: "2026-01-15", validUntil: "2028-01-15",
                                   status: expect == "revoked" ? .revoked : .active)
    }

    @Test("valid, tampered and revoked certificates show the right verdict")
    func verdicts() throws {
        guard Self.chromium != nil, Self.python != nil else {
            print("skipped: headless Chromium test needs /usr/bin/chromium and python3 (apt-get install chromium)")
            return
        }
        var verification = SiteFixtures.verification
        verification.verifierScript = Self.standInVerifier
        verification.credentials = [
            Self.credential("valid-1", expect: "valid"),
            Self.credential("tampered-1", expect: "valid", signature: "c2lo"),
            Self.credential("revoked-1", expect: "revoked"),
        ]
        let verdicts = try Self.verdicts(for: verification)
        #expect(verdicts == ["valid-1": "valid", "tampered-1": "invalid", "revoked-1": "revoked"])
    }

    @Test("a site built without the browser verifier never says valid")
    func placeholderSaysInvalid() throws {
        guard Self.chromium != nil, Self.python != nil else {
            print("skipped: headless Chromium test needs /usr/bin/chromium and python3 (apt-get install chromium)")
            return
        }
        var verification = SiteFixtures.verification
        verification.verifierScript = VerifierScript.placeholder
        verification.credentials = [Self.credential("valid-1", expect: "valid")]
        #expect(try Self.verdicts(for: verification) == ["valid-1": "invalid"])
    }

    /// Builds the sample workspace's site with `verification`, serves it and reads each page's verdict.
    static func verdicts(for verification: VerificationSite) throws -> [String: String] {
        let workspace = try SampleWorkspace.create()
        let output = try TemporaryFolder(prefix: "lantern-browser")
        let site = output.url.appendingPathComponent("site")
        _ = try SiteBuilder(workspace: SiteFixtures.load(workspace)).build(SiteBuildOptions(output: site, verification: verification))

        // A saturated machine (the whole suite runs in parallel) can starve the local server or
        // the browser; a run that decided nothing is tried again, up to three times.
        // One browser at a time: parallel Chromium runs starve each other on two cores.
        return try browserLock.withLock { _ in
            var verdicts: [String: String] = [:]
            for _ in 1...3 {
                verdicts = try runVerdictScript(site: site, ids: verification.credentials.map(\.id))
                if verdicts.count == verification.credentials.count, !verdicts.values.contains("none") { break }
            }
            return verdicts
        }
    }

    /// Held while a Chromium runs: parallel runs starve each other on two cores.
    static let browserLock = Mutex(())

    private static func runVerdictScript(site: URL, ids: [String]) throws -> [String: String] {
        let script = RepositoryPaths.packageRoot().appendingPathComponent("scripts/browser-verdicts.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, site.path] + ids
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var verdicts: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { verdicts[String(parts[0])] = String(parts[1]) }
        }
        return verdicts
    }
}
