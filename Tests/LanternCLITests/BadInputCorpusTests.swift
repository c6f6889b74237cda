import Foundation
import LanternTestSupport
import Testing

/// One hand-written bad file from `Tests/Corpus/bad-input/manifest.json`.
struct BadInputCase: Decodable, Sendable, CustomTestStringConvertible {
    /// The file, relative to `bad-input/`.
    var file: String
    /// How it is fed to `lantern`: `workspace` (installed at `install` in the sample workspace, then
    /// `lantern check --format json`), `answers` (`quiz take`), `ratings` (`checklist record`),
    /// `csv` (`trainee import`), `gift` / `aiken` (`import`), `database` (`db check`, `trainee list`),
    /// `credential` (`cert verify` against `Tests/Corpus/credential-issuer/`'s issuer and status list,
    /// at 2030-01-01).
    var kind: String
    var install: String?
    /// The expected exit status (1 for every bad file).
    var status: Int32
    /// The first error's code (for `lantern check`, which reports codes); for a credential, the
    /// first verification step that fails (`parse`, `structure`, `issuer`, `signature`, `status`,
    /// `validity`), or nil when the file is refused before verification (an error on stderr).
    var code: String?
    /// The first error as printed: `path:line:col` (empty for a whole database file, which the
    /// message names, and for a failed verification step that has no position).
    var location: String
    /// The start of the first error's message (for a credential, of the failing step's detail
    /// after its position).
    var message: String
    /// For a credential: the verdict (`invalid`, `revoked`, `suspended`, `expired`, …).
    var verdict: String?

    var testDescription: String { file }
}

/// Every bad file gives its diagnostic at the right place, exits non-zero, does not crash and
/// writes nothing: the workspace, the output file and the database are as they were.
@Suite("bad-input corpus through the built binary")
struct BadInputCorpusTests {
    static let corpus = Corpus.folder.appendingPathComponent("bad-input")

    static let cases: [BadInputCase] = {
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent("manifest.json")),
              let cases = try? JSONDecoder().decode([BadInputCase].self, from: data) else { return [] }
        return cases
    }()

    @Test("the manifest lists every corpus file, and there are at least 100")
    func manifestIsComplete() {
        let listed = Set(Self.cases.map(\.file))
        let present = Set(Corpus.files(under: "bad-input").filter { $0 != "manifest.json" })
        #expect(listed == present, "unlisted: \(present.subtracting(listed).sorted()), missing: \(listed.subtracting(present).sorted())")
        #expect(listed.count >= 100)
        #expect(Set(Self.cases.map(\.kind)) == ["workspace", "answers", "ratings", "csv", "gift", "aiken", "database", "credential"])
        #expect(Self.cases.filter { $0.kind == "credential" }.count >= 10)
    }

    @Test("the corpus issuer's own credential verifies, so each bad credential fails for its own reason")
    func corpusIssuerIsSound() throws {
        let folder = try TemporaryFolder()
        try Self.installIssuer(in: folder)
        try folder.write("valid.jwt", try Data(contentsOf: Corpus.folder.appendingPathComponent("credential-issuer/valid.jwt")))
        let result = try LanternProcess.run(["cert", "verify", "valid.jwt", "--issuer", "issuer.json", "--status", "list.jwt",
                                             "--at", Self.verifiedAt, "--email", "trainee@example.org"], in: folder.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("verdict: valid\n"))
    }

    @Test("gives the expected first error, exits non-zero and writes nothing", arguments: cases)
    func badFile(_ item: BadInputCase) throws {
        let input = try Data(contentsOf: Self.corpus.appendingPathComponent(item.file))
        let workspace = try SampleWorkspace.create()
        let name = (item.file as NSString).lastPathComponent
        var result: LanternProcess.Result
        var before: [String: Data]
        var database: String?

        switch item.kind {
        case "workspace":
            try workspace.write(try #require(item.install), input)
            before = Corpus.snapshot(workspace.url)
            result = try LanternProcess.run(["check", "--format", "json"], in: workspace.url)
        case "database":
            try workspace.write(name, input)
            before = Corpus.snapshot(workspace.url)
            result = try LanternProcess.run(["db", "check", "--db", name], in: workspace.url)
            let list = try LanternProcess.run(["trainee", "list", "--db", name], in: workspace.url)
            #expect(list.status == 1, "trainee list on \(item.file): \(list.status) \(list.stderr)")
            #expect(list.stderr.hasPrefix("error: '\(name)'"), "\(list.stderr)")
        case "gift", "aiken":
            try workspace.write(name, input)
            before = Corpus.snapshot(workspace.url)
            result = try LanternProcess.run(["import", item.kind, name, "-o", "imported.md"], in: workspace.url)
        case "csv", "answers", "ratings":
            database = try Self.records(in: workspace)
            try workspace.write(name, input)
            before = Corpus.snapshot(workspace.url)
            let trainee = "HR-1"
            switch item.kind {
            case "csv": result = try LanternProcess.run(["trainee", "import", name, "--db", "records.sqlite"], in: workspace.url)
            case "answers":
                result = try LanternProcess.run(["quiz", "take", "intro-quiz", "--trainee", trainee, "--answers", name,
                                                 "--seed", "1", "--db", "records.sqlite"], in: workspace.url)
            default:
                result = try LanternProcess.run(["checklist", "record", "listening-skills", "--trainee", trainee, "--assessor", "sup",
                                                 "--ratings", name, "--db", "records.sqlite"], in: workspace.url)
            }
        case "credential":
            try Self.installIssuer(in: workspace)
            try workspace.write(name, input)
            before = Corpus.snapshot(workspace.url)
            let arguments = ["cert", "verify", name, "--issuer", "issuer.json", "--status", "list.jwt", "--at", Self.verifiedAt]
            result = try LanternProcess.run(arguments + ["--json"], in: workspace.url)
            // The text report too: same exit status, and nothing from the file reaches the
            // terminal as a control character (an escape sequence could fake the verdict line).
            let text = try LanternProcess.run(arguments, in: workspace.url)
            #expect(text.status == result.status, "text report: exit \(text.status)\n\(text.stdout)\(text.stderr)")
            #expect(!text.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                    "a control character from the credential reached the terminal")
            if item.code != nil {
                let verdict = item.verdict ?? "invalid"
                let phrase = Self.phrase(verdict) + (verdict == "invalid" ? " (failed at: \(item.code ?? ""))" : "")
                #expect(text.stdout.hasSuffix("verdict: \(phrase)\n"), "\(text.stdout)")
            }
        default:
            Issue.record("unknown kind \(item.kind)")
            return
        }

        #expect(result.status == item.status, "exit \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "crashed: \(result.stderr)")

        if item.kind == "credential", let step = item.code {
            let report = try Self.verification(inJSON: result.stdout)
            // For *cannot check*, the step that could not be checked; otherwise the first that failed.
            let failed = item.verdict == "cannot-check"
                ? try #require(report.steps.first { $0.status == "warn" && $0.detail.hasPrefix("cannot check") }, "no step cannot check: \(result.stdout)")
                : try #require(report.steps.first { $0.status == "fail" }, "no step failed: \(result.stdout)")
            #expect(failed.name == step, "first failing step: \(failed)")
            let expected = (item.location.isEmpty ? "" : "\(item.location): ") + item.message
            #expect(failed.detail.hasPrefix(expected), "detail: \(failed.detail)")
            #expect(report.verdict == (item.verdict ?? "invalid"), "verdict: \(report.verdict)")
        } else if item.kind == "workspace" {
            let first = try Self.firstError(inJSON: result.stdout)
            #expect(first.code == item.code, "code: \(first)")
            #expect(first.location == item.location, "location: \(first)")
            #expect(first.message.hasPrefix(item.message), "message: \(first)")
        } else {
            let line = result.stderr.split(separator: "\n").first { $0.contains(" error: ") || $0.hasPrefix("error: ") }.map(String.init) ?? ""
            let expected = (item.location.isEmpty ? "" : "\(item.location): ") + "error: \(item.message)"
            #expect(line.hasPrefix(expected), "first error: \(result.stderr)")
        }

        // Nothing written: every file as it was (the database compared by its contents, below).
        var after = Corpus.snapshot(workspace.url)
        if let database {
            for key in after.keys where key.hasPrefix(database) { after[key] = nil }
            for key in before.keys where key.hasPrefix(database) { before[key] = nil }
            let check = try LanternProcess.run(["db", "check", "--json", "--db", database], in: workspace.url)
            #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
            #expect(Self.counts(check.stdout) == Self.fixtureCounts, "records changed: \(check.stdout)")
        }
        #expect(after == before, "files changed: \(Set(after.keys).symmetricDifference(before.keys).sorted()) or their contents")
    }

    // MARK: - Helpers

    /// The instant bad credentials are verified at: inside the corpus issuer's validity windows.
    static let verifiedAt = "2030-01-01T00:00:00Z"

    /// The issuer profile and signed status list bad credentials are checked against.
    static func installIssuer(in workspace: TemporaryFolder) throws {
        let issuer = Corpus.folder.appendingPathComponent("credential-issuer")
        for file in ["issuer.json", "list.jwt"] {
            try workspace.write(file, try Data(contentsOf: issuer.appendingPathComponent(file)))
        }
    }

    static func phrase(_ verdict: String) -> String {
        ["valid": "valid", "expired": "not valid: expired", "not-yet-valid": "not valid: not yet valid", "revoked": "not valid: revoked",
         "suspended": "not valid: suspended", "unverifiable": "not verified: unsupported proof type", "cannot-check": "cannot check"][verdict] ?? "not valid"
    }

    struct Verification: Decodable {
        struct Step: Decodable { var name: String; var status: String; var detail: String }
        var verdict: String
        var steps: [Step]
    }

    static func verification(inJSON text: String) throws -> Verification {
        try JSONDecoder().decode(Verification.self, from: Data(text.utf8))
    }

    /// What the fixture database holds: one assessor, one trainee, their audit rows.
    static let fixtureCounts: [String: Int] = ["assessor": 1, "trainee": 1, "audit_log": 2]

    /// A database in the workspace with assessor `sup` and trainee `HR-1`.
    static func records(in workspace: TemporaryFolder) throws -> String {
        let database = "records.sqlite"
        let assessor = try LanternProcess.run(["assessor", "add", "sup", "--name", "Sam Supervisor", "--role", "assessor",
                                               "--db", database], in: workspace.url)
        try #require(assessor.status == 0, "\(assessor.stderr)")
        let trainee = try LanternProcess.run(["trainee", "add", "--name", "Pat Example", "--external-id", "HR-1",
                                              "--db", database], in: workspace.url)
        try #require(trainee.status == 0, "\(trainee.stderr)")
        return database
    }

    static func counts(_ json: String) -> [String: Int] {
        struct Report: Decodable { var counts: [String: Int] }
        let counts = (try? JSONDecoder().decode(Report.self, from: Data(json.utf8)))?.counts ?? [:]
        return counts.filter { $0.value != 0 }
    }

    struct FirstError: CustomStringConvertible {
        var code: String
        var location: String
        var message: String
        var description: String { "\(code) \(location): \(message)" }
    }

    static func firstError(inJSON text: String) throws -> FirstError {
        struct Report: Decodable {
            struct Entry: Decodable { var severity: String; var code: String; var message: String; var path: String?; var line: Int?; var column: Int? }
            var diagnostics: [Entry]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(text.utf8))
        let entry = try #require(report.diagnostics.first { $0.severity == "error" }, "no error in \(text)")
        let location = [entry.path, entry.line.map(String.init), entry.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return FirstError(code: entry.code, location: location, message: entry.message)
    }
}
