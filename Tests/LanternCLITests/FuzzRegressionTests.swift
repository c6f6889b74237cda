import Foundation
import LanternTestSupport
import Testing

/// Inputs the fuzzers found crashing, hanging or slow, fed to the built binary as a user would:
/// each must end with status 0 or 1, promptly, without a crash report.
@Suite("fuzz regressions through the built binary")
struct FuzzRegressionTests {
    static let cases: [String] = Corpus.files(under: "fuzz-regressions").filter { $0.contains("/") }

    /// The repository, a workspace whose quiz and checklist the answers and ratings fuzzers use.
    static var repository: URL { Corpus.folder.deletingLastPathComponent().deletingLastPathComponent() }

    @Test("ends cleanly", arguments: cases)
    func regression(_ file: String) throws {
        let target = String(file.split(separator: "/")[0])
        let input = try Data(contentsOf: Corpus.folder.appendingPathComponent("fuzz-regressions/\(file)"))
        let workspace = try SampleWorkspace.create()
        let started = Date()
        let result: LanternProcess.Result
        let install: [String: String] = [
            "source-text": "curriculum/intro.md", "markdown": "curriculum/intro.md", "module": "curriculum/intro.md",
            "front-matter": "curriculum/intro.md", "yaml": "lantern.yml", "config": "lantern.yml",
            "program": "curriculum/program.yml", "crisis-resources": "curriculum/crisis-resources.yml",
            "quiz": "assessments/intro-quiz.md", "checklist": "assessments/listening-skills.md",
        ]
        if let path = install[target] {
            try workspace.write(path, input)
            result = try LanternProcess.run(["check"], in: workspace.url)
        } else {
            let name = try workspace.write("input", input).lastPathComponent
            switch target {
            case "gift", "aiken": result = try LanternProcess.run(["import", target, name, "-o", "out.md"], in: workspace.url)
            case "csv": result = try LanternProcess.run(["trainee", "import", name, "--db", "r.sqlite"], in: workspace.url)
            case "credential":
                let issuer = Corpus.folder.appendingPathComponent("credential-issuer")
                for file in ["issuer.json", "list.jwt"] { try workspace.write(file, try Data(contentsOf: issuer.appendingPathComponent(file))) }
                result = try LanternProcess.run(["cert", "verify", name, "--issuer", "issuer.json", "--status", "list.jwt",
                                                 "--at", "2030-01-01T00:00:00Z"], in: workspace.url)
            case "answers", "ratings":
                let added = try LanternProcess.run(["trainee", "add", "--name", "Pat", "--external-id", "HR-1", "--db", "r.sqlite"], in: workspace.url)
                try #require(added.status == 0)
                _ = try LanternProcess.run(["assessor", "add", "sup", "--name", "Sam", "--role", "assessor", "--db", "r.sqlite"], in: workspace.url)
                let command = target == "answers"
                    ? ["quiz", "take", "communication-quiz", "--trainee", "HR-1", "--answers", name, "--seed", "1"]
                    : ["checklist", "record", "active-listening", "--trainee", "HR-1", "--assessor", "sup", "--ratings", name]
                result = try LanternProcess.run(command + ["-C", Self.repository.path, "--db", "r.sqlite"], in: workspace.url)
            default:
                Issue.record("no way to run fuzz target '\(target)'")
                return
            }
        }
        #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.stderr.prefix(2000))")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr.prefix(2000))")
        #expect(Date().timeIntervalSince(started) < 20, "took \(Date().timeIntervalSince(started)) s")
    }
}
