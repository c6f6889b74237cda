import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// The browser verifier's JavaScript, run by a JavaScript engine with WebCrypto and
/// DecompressionStream (Node's implement the same Web APIs a browser has). Skipped with a
/// message when no `node` is installed; the site's headless-browser test covers the page.
@Suite struct BrowserVerifierTests {
    let fixture = CertificateFixture()

    private var node: URL? {
        for path in ["/usr/bin/node", "/usr/local/bin/node"] where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return nil
    }

    private func run(_ credential: String, statuses: [Int: CredentialStatus] = [:], status: Bool = true) throws -> JSONValue? {
        guard let node else { return nil }
        let folder = try TemporaryFolder()
        _ = try folder.write("credential.jwt", credential)
        _ = try folder.write("issuer.json", fixture.issuerJSON)
        _ = try folder.write("jwks.json", fixture.jwksJSON)
        _ = try folder.write("list.jwt", try fixture.statusList(statuses))
        let harness = BrowserVerifier.script + """

        const fs = require("fs");
        const read = (name) => fs.readFileSync(name, "utf8");
        lanternVerify(read("credential.jwt"), read("issuer.json"), \(status ? "read(\"list.jwt\")" : "null"), read("jwks.json"))
          .then((result) => console.log(JSON.stringify(result)), (error) => console.log(JSON.stringify({ thrown: String(error) })));
        """
        _ = try folder.write("run.js", harness)
        let process = Process()
        process.executableURL = node
        process.arguments = ["run.js"]
        process.currentDirectoryURL = folder.url
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return try JSONParser.parse(output)
    }

    private func verdict(_ result: JSONValue?) -> String? { result?["verdict"]?.stringValue }

    private func stepStatus(_ result: JSONValue?, _ name: String) -> String? {
        result?["steps"]?.arrayValue?.first { $0["name"]?.stringValue == name }?["status"]?.stringValue
    }

    @Test func classifiesLikeTheCLI() throws {
        guard node != nil else {
            print("skipped: no JavaScript engine (node) to run the browser verifier; the site's browser test covers it")
            return
        }
        let valid = try run(try fixture.credential().signed(with: fixture.key))
        #expect(verdict(valid) == "valid", "\(String(describing: valid))")
        #expect(valid?["steps"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["parse", "structure", "schema", "issuer", "signature", "status", "validity"])
        // Issue 20's finding, in the browser too: no status list is "cannot check", never valid.
        let withoutList = try run(try fixture.credential().signed(with: fixture.key), status: false)
        #expect(stepStatus(withoutList, "status") == "warn")
        #expect(verdict(withoutList) == "cannot-check")

        let parts = CertificateFixture.parts(try fixture.credential().signed(with: fixture.key))
        let tampered = parts[0] + "." + Base64URL.encode(CertificateFixture.decodedPart(parts[1]).replacingOccurrences(of: "Test Program", with: "Fake Program")) + "." + parts[2]
        #expect(verdict(try run(tampered)) == "invalid")
        #expect(stepStatus(try run(tampered), "signature") == "fail")
        let none = Base64URL.encode(#"{"alg":"none","kid":"\#(fixture.identity.keyID(fixture.key.thumbprint))"}"#) + "." + parts[1] + "."
        #expect(verdict(try run(none)) == "invalid")
        #expect(verdict(try run(try fixture.credential().signed(with: SigningKey.generate()))) == "invalid")
        #expect(verdict(try run(try fixture.credential(index: 77).signed(with: fixture.key), statuses: [77: .revoked, 76: .suspended])) == "revoked")
        #expect(verdict(try run(try fixture.credential(index: 77).signed(with: fixture.key), statuses: [77: .suspended, 78: .revoked])) == "suspended")
        let expired = try fixture.credential(validFrom: fixture.now.addingTimeInterval(-900 * 86_400), validUntil: fixture.now.addingTimeInterval(-86_400)).signed(with: fixture.key)
        #expect(verdict(try run(expired)) == "expired")
        #expect(verdict(try run("not a token")) == "invalid")
    }

    /// The page's holder check (WebCrypto SHA-256 of the typed email and the salt) gives the
    /// CLI's `--email` answer: the same normalisation (trimmed, lower-cased), the same hash.
    @Test func holderCheckMatchesTheCLI() throws {
        guard let node else { print("skipped: no node"); return }
        let jwt = try fixture.credential().signed(with: fixture.key)
        let emails = [CertificateFixture.email, "  trainee@EXAMPLE.org\n", "trainee@example.org ", "someone@example.org", "trainee@example.or"]
        let folder = try TemporaryFolder()
        _ = try folder.write("verify.js", BrowserVerifier.script)
        _ = try folder.write("t.js", """
        const fs = require("fs"); const vm = require("vm");
        vm.runInThisContext(fs.readFileSync("verify.js", "utf8") + "\\nglobalThis.lanternVerify = lanternVerify; globalThis.lanternCheckHolder = lanternCheckHolder;");
        (async () => {
          const result = await lanternVerify(\(JSONValue.string(jwt).serialized), null, null, null);
          const out = [];
          for (const email of \(JSONValue.array(emails.map(JSONValue.string)).serialized)) out.push((await lanternCheckHolder(result.credential, email)).status);
          console.log(JSON.stringify(out));
        })();
        """)
        let process = Process()
        process.executableURL = node
        process.arguments = ["t.js"]
        process.currentDirectoryURL = folder.url
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let browser = try #require(try JSONParser.parse(output).arrayValue, "\(output)").compactMap(\.stringValue)
        let verifier = try fixture.verifier()
        let cli = emails.map { verifier.verify(jwt, email: $0).step("recipient")?.status.rawValue ?? "none" }
        #expect(browser == cli, "browser \(browser), CLI \(cli)")
        #expect(cli == ["pass", "pass", "pass", "fail", "fail"])
    }
}
