import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// The browser verifier and `lantern cert verify` give the same verdict on every file of the
/// bad-credential corpus (Tests/Corpus/bad-input/credentials and fuzz-regressions/credential),
/// checked against the corpus issuer at the corpus time. Run by Node's JavaScript engine (the
/// Web APIs a browser has) and by headless Chromium; each skips with a message when absent.
/// Issue 16: the browser parsed JSON with JSON.parse (last duplicate wins) and base64url
/// leniently, so one crafted credential could pass in one verifier and fail in the other.
@Suite(.serialized) struct BrowserParityTests {
    static let issuerFolder = Corpus.folder.appendingPathComponent("credential-issuer")
    static let verifiedAt = "2030-01-01T00:00:00Z"

    static var corpus: [String] {
        Corpus.files(under: "bad-input/credentials").map { "bad-input/credentials/" + $0 }
            + Corpus.files(under: "fuzz-regressions/credential").map { "fuzz-regressions/credential/" + $0 }
            + ["credential-issuer/valid.jwt"]
    }

    /// What the CLI's verifier says about each file (the same code `cert verify` runs).
    static func cliVerdicts() throws -> [String: String] {
        let issuer = try String(contentsOf: issuerFolder.appendingPathComponent("issuer.json"), encoding: .utf8)
        let list = try String(contentsOf: issuerFolder.appendingPathComponent("list.jwt"), encoding: .utf8)
        let verifier = CredentialVerifier(issuerProfile: issuer, statusList: list, now: CredentialDate.parse(verifiedAt)!)
        var verdicts: [String: String] = [:]
        for file in corpus {
            let text = String(decoding: try Data(contentsOf: Corpus.folder.appendingPathComponent(file)), as: UTF8.self)
            verdicts[file] = verifier.verify(text, path: file).verdict.rawValue
        }
        return verdicts
    }

    /// A folder holding the verifier, the issuer's files, the corpus and a page that verifies
    /// every file and writes `{file: verdict}` into `<pre id="results">`.
    static func harness() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("verify.js", BrowserVerifier.script)
        for name in ["issuer.json", "list.jwt"] {
            _ = try folder.write(name, try Data(contentsOf: issuerFolder.appendingPathComponent(name)))
        }
        for file in corpus { _ = try folder.write("corpus/" + file, try Data(contentsOf: Corpus.folder.appendingPathComponent(file))) }
        let files = JSONValue.array(corpus.map(JSONValue.string)).serialized
        let at = Int(CredentialDate.parse(verifiedAt)!.timeIntervalSince1970) * 1000
        _ = try folder.write("run.js", """
        "use strict";
        async function runAll(read) {
          const files = \(files);
          const issuer = await read("issuer.json"), list = await read("list.jwt");
          const out = {};
          for (const file of files) {
            const result = await lanternVerify(await read("corpus/" + file), issuer, list, null, { now: \(at) });
            out[file] = result.verdict;
          }
          return out;
        }

        """)
        _ = try folder.write("index.html", """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>parity</title>
        <script src="verify.js"></script><script src="run.js"></script></head>
        <body><pre id="results"></pre><script>
        runAll((name) => fetch(name, { cache: "no-store" }).then((r) => r.text())).then((out) => {
          const pre = document.getElementById("results"); pre.textContent = JSON.stringify(out); pre.setAttribute("data-done", "yes");
        });
        </script></body></html>
        """)
        _ = try folder.write("node.js", """
        const fs = require("fs");
        const vm = require("vm");
        vm.runInThisContext(fs.readFileSync("verify.js", "utf8") + "\\n" + fs.readFileSync("run.js", "utf8") + "\\nglobalThis.runAll = runAll; globalThis.lanternVerify = lanternVerify;");
        // Files as a browser's fetch().text() gives them: UTF-8 with U+FFFD for bad bytes.
        runAll(async (name) => new TextDecoder("utf-8").decode(fs.readFileSync(name))).then((out) => console.log(JSON.stringify(out)));
        """)
        return folder
    }

    static func compare(_ browser: [String: String], _ cli: [String: String]) {
        #expect(Set(browser.keys) == Set(cli.keys), "files the browser did not report: \(Set(cli.keys).subtracting(browser.keys).sorted())")
        for file in corpus.sorted() {
            #expect(browser[file] == cli[file], "\(file): browser \(browser[file] ?? "none"), CLI \(cli[file] ?? "none")")
        }
        // The corpus covers every verdict the CLI gives, so agreement is not vacuous.
        #expect(Set(cli.values).isSuperset(of: ["valid", "invalid", "revoked", "suspended", "expired", "not-yet-valid", "unverifiable", "cannot-check"]))
    }

    static func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    @Test func nodeAgreesWithTheCLIOnEveryCorpusFile() throws {
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: no node to run the browser verifier; the Chromium test covers it")
            return
        }
        let folder = try Self.harness()
        let output = try Self.run(node, ["node.js"], in: folder.url)
        let browser = try #require(try JSONParser.parse(output).objectValue, "\(output)")
        Self.compare(Dictionary(uniqueKeysWithValues: browser.map { ($0.key, $0.value.stringValue ?? "") }), try Self.cliVerdicts())
    }

    @Test func chromiumAgreesWithTheCLIOnEveryCorpusFile() throws {
        guard ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: headless Chromium is not installed (apt-get install chromium); the browser parity test did not run")
            return
        }
        let folder = try Self.harness()
        let script = RepositoryPaths.packageRoot(from: #filePath).appendingPathComponent("scripts/browser-page.sh").path
        let output = try Self.run("/bin/bash", [script, folder.path, "index.html"], in: folder.url)
        let browser = try #require(try? JSONParser.parse(output.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue, "Chromium wrote no results: \(output)")
        Self.compare(Dictionary(uniqueKeysWithValues: browser.map { ($0.key, $0.value.stringValue ?? "") }), try Self.cliVerdicts())
    }

    /// The browser's JSON parser refuses what the CLI's refuses (checked one by one in Node).
    @Test func strictJSONInTheBrowser() throws {
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: no node"); return
        }
        let folder = try TemporaryFolder()
        _ = try folder.write("verify.js", BrowserVerifier.script)
        let cases = [#"{"a":1,"a":2}"#, #"{"a":"\ud800"}"#, String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
                     "{\"a\":\"\u{01}\"}", #"{"a":01}"#, #"{"a":1,}"#, #"[1] x"#, #"{"a":1}"#, #"{"__proto__":{"x":1}}"#]
        _ = try folder.write("t.js", """
        const fs = require("fs"); const vm = require("vm");
        vm.runInThisContext(fs.readFileSync("verify.js", "utf8") + "\\nglobalThis.lanternStrictJSON = lanternStrictJSON;");
        const cases = \(JSONValue.array(cases.map(JSONValue.string)).serialized);
        console.log(JSON.stringify(cases.map((c) => { try { lanternStrictJSON(c); return true; } catch (e) { return false; } })));
        """)
        let output = try Self.run(node, ["t.js"], in: folder.url)
        let browser = try #require(try JSONParser.parse(output).arrayValue).map { $0.boolValue ?? false }
        let cli = cases.map { (try? JSONParser.parse($0)) != nil }
        #expect(browser == cli, "browser \(browser), CLI \(cli)")
        #expect(cli == [false, false, false, false, false, false, false, true, true])
    }
}
