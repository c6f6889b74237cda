import Foundation
import LanternCertification
import LanternSite
import LanternTestSupport
import Testing

/// The built `verify/` page, where a holder who did not agree to publication pastes their
/// credential (issue 20.6), driven in headless Chromium as a visitor would: paste, press Verify,
/// read the verdict the page announces. Each verdict must be the one `lantern cert verify` gives
/// for the same JWT against the same published files.
@Suite("the paste-to-verify page in headless Chromium", .serialized)
struct PasteVerifyPageTests {
    @Test("a pasted valid, revoked, tampered, empty or garbage credential gets the CLI's verdict")
    func pastedCredentials() throws {
        guard BrowserVerificationTests.chromium != nil, BrowserVerificationTests.python != nil else {
            print("skipped: headless Chromium test needs /usr/bin/chromium and python3 (apt-get install chromium)")
            return
        }
        let fixture = try Self.fixture()
        let output = try TemporaryFolder(prefix: "lantern-paste")
        let site = output.url.appendingPathComponent("site")
        let workspace = try SampleWorkspace.create()
        _ = try SiteBuilder(workspace: SiteFixtures.load(workspace))
            .build(SiteBuildOptions(output: site, verification: fixture.site))
        // The holder did not consent: their credential is nowhere on the site.
        let published = try FileManager.default.subpathsOfDirectory(atPath: site.path)
        #expect(published.filter { $0.hasPrefix("credentials/") && $0.hasSuffix(".jwt") } == ["credentials/consented-1/credential.jwt"])

        let cases: [(name: String, pasted: String)] = [
            ("private-valid", "\n  " + fixture.privateValid + "\n"), ("revoked", fixture.revoked), ("tampered", fixture.tampered),
            ("empty", ""), ("garbage", "not a certificate, just some words"),
            // Wrapped at 72 characters by an email program (CRLF line ends): still the holder's credential.
            ("wrapped", Self.wrapped(fixture.privateValid, width: 72)),
        ]
        let shown = try Self.drive(site: site, cases: cases)
        // The verdict shown is always for the text in the field: a slower earlier check never
        // overwrites a later one, and changing the text clears the verdict until Verify is pressed.
        #expect(shown["superseded"]?.verdict == "invalid", "\(String(describing: shown["superseded"]))")
        #expect(shown["edited"]?.verdict == "pending" && shown["edited"]?.headline == "", "\(String(describing: shown["edited"]))")
        #expect(shown["private-valid"]?.verdict == "valid")
        #expect(shown["revoked"]?.verdict == "revoked")
        #expect(shown["tampered"]?.verdict == "invalid")
        #expect(shown["empty"]?.verdict == "cannot-check")
        #expect(shown["wrapped"]?.verdict == "valid", "\(String(describing: shown["wrapped"]))")
        #expect(["invalid", "cannot-check"].contains(shown["garbage"]?.verdict ?? "none"), "\(String(describing: shown["garbage"]))")
        // What a sighted visitor reads agrees with the verdict.
        #expect(shown["private-valid"]?.headline == "Valid")
        #expect(shown["revoked"]?.headline == "Not valid: revoked")
        #expect(shown["tampered"]?.headline.hasPrefix("Not valid") == true)
        #expect(shown["empty"]?.headline == "Cannot check")
        // On a phone-wide screen (360 px) the steps, the key's long id among them, wrap inside the verdict's box,
        // and the field fits the screen: nothing needs scrolling sideways.
        #expect(shown.filter { !$0.value.fits }.keys.sorted() == [])

        // `lantern cert verify` on the same text, against the files the site publishes.
        let folder = try TemporaryFolder()
        for (name, pasted) in cases where name != "empty" {
            _ = try folder.write("\(name).jwt", pasted)
            let result = try LanternProcess.run(["cert", "verify", "\(name).jwt", "--issuer", site.appendingPathComponent("issuer.json").path,
                                                 "--status", site.appendingPathComponent("status/list.jwt").path, "--json"], in: folder.url)
            let verdict = (try? JSONParser.parse(result.stdout))?["verdict"]?.stringValue
            #expect(verdict == shown[name]?.verdict, "\(name): CLI \(verdict ?? result.stdout + result.stderr), page \(String(describing: shown[name]))")
        }
    }

    /// `text` broken into lines of `width` characters, as an email program wraps a long line.
    static func wrapped(_ text: String, width: Int) -> String {
        stride(from: 0, to: text.count, by: width).map { start in
            String(text.dropFirst(start).prefix(width))
        }.joined(separator: "\r\n")
    }

    struct Fixture {
        var site: VerificationSite
        var privateValid: String
        var revoked: String
        var tampered: String
    }

    /// Real ES256 credentials of one issuer: one whose holder consented (published), and a valid,
    /// a revoked and a tampered one whose holders did not (not published).
    static func fixture() throws -> Fixture {
        let base = "https://training.example.org/"
        let identity = IssuerIdentity(id: base + "issuer.json", name: "Test Training Org", url: "https://example.org/", email: nil, baseURL: base)
        let key = SigningKey.generate()
        let now = Date()
        let achievement = AchievementDefinition(id: base + "achievements/test", name: "Test Certificate",
                                                description: "A test program.", criteria: "Passed everything.", alignments: [])
        func credential(index: Int) throws -> String {
            try AchievementCredential(
                id: AchievementCredential.newID(now: now), issuer: identity, achievement: achievement,
                recipient: RecipientIdentity(email: "holder\(index)@example.org", salt: RecipientIdentity.randomSalt()),
                validFrom: now.addingTimeInterval(-86_400), validUntil: now.addingTimeInterval(86_400 * 365),
                status: StatusEntry(listURL: identity.statusListURL, index: index)
            ).signed(with: key)
        }
        let consented = try credential(index: 1)
        let privateValid = try credential(index: 2)
        let revoked = try credential(index: 3)
        var parts = try credential(index: 4).split(separator: ".").map(String.init)
        let payload = String(decoding: Base64URL.decode(parts[1]) ?? [], as: UTF8.self)
            .replacingOccurrences(of: "Test Certificate", with: "Test Certificate With Honours")
        parts[1] = Base64URL.encode(payload)
        var list = Bitstring(statusSize: CredentialStatus.statusSize)
        list[3] = CredentialStatus.revoked.rawValue
        let statusList = try StatusListCredential(id: identity.statusListURL, issuerID: identity.id, list: list, validFrom: now)
            .signed(with: key, keyID: identity.keyID(key.thumbprint))
        let profile = IssuerProfile(identity: identity, keys: [key.publicJWK])
        let site = VerificationSite(
            issuerJSON: profile.json.prettySerialized, jwksJSON: profile.jwks.prettySerialized, statusListJWT: statusList,
            verifierScript: BrowserVerifier.script,
            credentials: [PublishableCredential(id: "consented-1", jwt: consented, achievementName: "Test Certificate", issuerName: "Test Training Org",
                                                issuedOn: "2026-01-01", validUntil: nil, holderName: nil, status: .active)])
        return Fixture(site: site, privateValid: privateValid, revoked: revoked, tampered: parts.joined(separator: "."))
    }

    struct Shown: Equatable {
        var verdict: String
        var headline: String
        /// Whether the verdict's text stays inside its box (long key ids wrap) and the page needs
        /// no sideways scrolling.
        var fits = true
    }

    /// Opens `verify/` in a same-origin frame once per case, pastes the text into the field the
    /// label names, presses the form's button and waits for the announced verdict; then the two
    /// sequences a hurried visitor makes (`superseded`, `edited`).
    static func drive(site: URL, cases: [(name: String, pasted: String)]) throws -> [String: Shown] {
        let items = JSONValue.array(cases.map { JSONValue.object(JSONObject([("name", .string($0.name)), ("text", .string($0.pasted))])) }).serialized
        try """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>paste driver</title></head>
        <body><iframe id="page" title="verify" style="width:360px;height:700px"></iframe><pre id="results"></pre><script>
        "use strict";
        const cases = \(items);
        const frame = document.getElementById("page");
        function open() { return new Promise((resolve) => { frame.onload = () => resolve(frame.contentDocument); frame.src = "verify/index.html?" + Math.random(); }); }
        async function one(item) {
          const doc = await open();
          const field = doc.getElementById(doc.querySelector("main form label[for]").getAttribute("for"));
          field.value = item.text;
          field.dispatchEvent(new Event("input", { bubbles: true }));
          const box = doc.querySelector("[role=status]");
          const done = new Promise((resolve) => {
            new MutationObserver((changes, observer) => {
              if (box.getAttribute("data-verdict") !== "pending") { observer.disconnect(); resolve(); }
            }).observe(box, { attributes: true, attributeFilter: ["data-verdict"] });
          });
          field.form.querySelector("button").click();
          await done;
          const headline = box.querySelector(".headline");
          return { verdict: box.getAttribute("data-verdict"), headline: headline ? headline.textContent : "",
                   fits: box.scrollWidth <= box.clientWidth && doc.documentElement.scrollWidth <= doc.documentElement.clientWidth };
        }
        function shown(box) {
          const headline = box.querySelector(".headline");
          return { verdict: box.getAttribute("data-verdict"), headline: headline ? headline.textContent : "" };
        }
        // Verify, then paste other text and verify again before the first check is done; the
        // first check is held back until the second has finished, so it ends last.
        async function superseded(first, second) {
          const doc = await open();
          const win = frame.contentWindow, real = win.lanternVerify, calls = [];
          let releaseFirst, bothCalled;
          const gate = new Promise((resolve) => { releaseFirst = resolve; });
          const called = new Promise((resolve) => { bothCalled = resolve; });
          win.lanternVerify = function () {
            const n = calls.length;
            const result = real.apply(this, arguments).then(async (r) => { if (n === 0) { await gate; } return r; });
            calls.push(result);
            if (n === 1) { result.then(() => releaseFirst()); bothCalled(); }
            return result;
          };
          const field = doc.getElementById("pasted-credential"), button = field.form.querySelector("button");
          field.value = first; button.click();
          field.value = second; button.click();
          await called;
          await Promise.all(calls);
          await new Promise((resolve) => setTimeout(resolve, 0));
          return shown(doc.querySelector("[role=status]"));
        }
        // Verify, then change the pasted text without pressing Verify again.
        async function edited(first, second) {
          const doc = await open();
          const field = doc.getElementById("pasted-credential"), box = doc.querySelector("[role=status]");
          const done = new Promise((resolve) => {
            new MutationObserver((changes, observer) => {
              if (box.getAttribute("data-verdict") !== "pending") { observer.disconnect(); resolve(); }
            }).observe(box, { attributes: true, attributeFilter: ["data-verdict"] });
          });
          field.value = first; field.form.querySelector("button").click();
          await done;
          field.value = second;
          field.dispatchEvent(new Event("input", { bubbles: true }));
          return shown(box);
        }
        (async () => {
          const out = {};
          for (const item of cases) {
            try { out[item.name] = await one(item); } catch (e) { out[item.name] = { verdict: "error", headline: String(e) }; }
          }
          const text = (name) => cases.find((c) => c.name === name).text;
          try { out.superseded = await superseded(text("private-valid"), text("garbage")); } catch (e) { out.superseded = { verdict: "error", headline: String(e) }; }
          try { out.edited = await edited(text("private-valid"), text("tampered")); } catch (e) { out.edited = { verdict: "error", headline: String(e) }; }
          const pre = document.getElementById("results"); pre.textContent = JSON.stringify(out); pre.setAttribute("data-done", "yes");
        })();
        </script></body></html>
        """.write(to: site.appendingPathComponent("paste-driver.html"), atomically: true, encoding: .utf8)
        let script = RepositoryPaths.packageRoot().appendingPathComponent("scripts/browser-page.sh").path
        // Up to three runs: on the loaded 2-core machine the page server was once seen killed
        // mid-start during the full suite (the page itself was never the cause).
        var result: LanternProcess.Result?
        var object: JSONObject?
        for _ in 1...3 where object == nil {
            result = try BrowserVerificationTests.browserLock.withLock { _ in
                try LanternProcess.runTool("/bin/bash", [script, site.path, "paste-driver.html"], in: site)
            }
            object = try? JSONParser.parse((result?.stdout ?? "").trimmingCharacters(in: .whitespacesAndNewlines)).objectValue
        }
        guard let object else {
            Issue.record("the page gave no verdicts: \(result?.stdout ?? "")\(result?.stderr ?? "")")
            return [:]
        }
        var shown: [String: Shown] = [:]
        for (name, value) in object {
            shown[name] = Shown(verdict: value["verdict"]?.stringValue ?? "", headline: value["headline"]?.stringValue ?? "",
                                fits: value["fits"]?.boolValue ?? true)
        }
        return shown
    }
}
