import Foundation
import LanternCertification
import LanternTestSupport

/// Runs the browser verifier (`BrowserVerifier.script`) on named credentials against one
/// issuer's files, in Node (the Web APIs a browser has) and in headless Chromium, and gives each
/// engine's verdicts by name — nil for an engine that is not installed (the caller says so).
enum BrowserHarness {
    struct Files {
        var issuer: String
        var jwks: String?
        var statusList: String?
        var credentials: [String: String]
        var now: Date
    }

    static var node: String? {
        ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var chromiumInstalled: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func folder(_ files: Files) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write("verify.js", BrowserVerifier.script)
        _ = try folder.write("issuer.json", files.issuer)
        if let jwks = files.jwks { _ = try folder.write("jwks.json", jwks) }
        if let list = files.statusList { _ = try folder.write("list.jwt", list) }
        for (name, text) in files.credentials { _ = try folder.write("credentials/\(name).jwt", text) }
        let names = JSONValue.array(files.credentials.keys.sorted().map(JSONValue.string)).serialized
        let at = Int(files.now.timeIntervalSince1970) * 1000
        _ = try folder.write("run.js", """
        "use strict";
        async function runAll(read) {
          const names = \(names);
          const issuer = await read("issuer.json");
          const jwks = \(files.jwks == nil ? "null" : "await read(\"jwks.json\")");
          const list = \(files.statusList == nil ? "null" : "await read(\"list.jwt\")");
          const out = {};
          for (const name of names) out[name] = (await lanternVerify(await read("credentials/" + name + ".jwt"), issuer, list, jwks, { now: \(at) })).verdict;
          return out;
        }

        """)
        _ = try folder.write("index.html", """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>keys</title>
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
        vm.runInThisContext(fs.readFileSync("verify.js", "utf8") + "\\n" + fs.readFileSync("run.js", "utf8") + "\\nglobalThis.runAll = runAll;");
        runAll(async (name) => fs.readFileSync(name, "utf8")).then((out) => console.log(JSON.stringify(out)));
        """)
        return folder
    }

    private static func parse(_ output: String) -> [String: String]? {
        guard let object = try? JSONParser.parse(output.trimmingCharacters(in: .whitespacesAndNewlines)).objectValue else { return nil }
        return Dictionary(uniqueKeysWithValues: object.map { ($0.key, $0.value.stringValue ?? "") })
    }

    /// Verdicts from Node, or nil when Node is not installed; ["error": output] when it ran but
    /// printed no verdicts.
    static func nodeVerdicts(_ files: Files) throws -> [String: String]? {
        guard let node else { return nil }
        let folder = try folder(files)
        let result = try LanternProcess.runTool(node, ["node.js"], in: folder.url)
        return parse(result.stdout) ?? ["error": result.stdout + result.stderr]
    }

    /// Verdicts from headless Chromium (the page served on 127.0.0.1, a secure context), or nil
    /// when Chromium is not installed.
    static func chromiumVerdicts(_ files: Files) throws -> [String: String]? {
        guard chromiumInstalled else { return nil }
        let folder = try folder(files)
        let script = RepositoryPaths.packageRoot(from: #filePath).appendingPathComponent("scripts/browser-page.sh").path
        let result = try LanternProcess.runTool("/bin/bash", [script, folder.path, "index.html"], in: folder.url)
        return parse(result.stdout) ?? ["error": result.stdout + result.stderr]
    }

    /// What the CLI's verifier says about the same files.
    static func cliVerdicts(_ files: Files) -> [String: String] {
        let verifier = CredentialVerifier(issuerProfile: files.issuer, keys: files.jwks, statusList: files.statusList, now: files.now)
        return files.credentials.mapValues { verifier.verify($0).verdict.rawValue }
    }
}
