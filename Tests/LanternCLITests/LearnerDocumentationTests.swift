import Foundation
import LanternTestSupport
import Testing

/// `docs/learner.md` says what happens, and this test holds it to that: every `$ command` in
/// its `console` blocks runs in a new workspace (`lantern init .`), one after another, and
/// prints exactly the lines under it (standard output, then standard error).
@Suite struct LearnerDocumentationTests {
    struct Example: Sendable, CustomStringConvertible {
        var command: String
        var expected: String
        var description: String { command }
    }

    static func examples() throws -> [Example] {
        let root = RepositoryPaths.packageRoot(from: #filePath)
        let text = try String(contentsOf: root.appendingPathComponent("docs/learner.md"), encoding: .utf8)
        var examples: [Example] = []
        var inConsole = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                inConsole = !inConsole && line == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                examples.append(Example(command: String(line.dropFirst(2)), expected: ""))
            } else if !examples.isEmpty {
                examples[examples.count - 1].expected += line + "\n"
            }
        }
        return examples
    }

    @Test func everyExampleInTheLearnerGuidePrintsWhatItShows() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 3)
        #expect(examples.contains { $0.command.contains("lantern learn --plain") })
        let folder = try TemporaryFolder()
        #expect(try LanternProcess.run(["init", "."], in: folder.url).status == 0)
        for example in examples {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", example.command]
            process.currentDirectoryURL = folder.url
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = LanternProcess.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["NO_COLOR"] = "1"
            environment.removeValue(forKey: "LANTERN_DB")
            environment.removeValue(forKey: "LANTERN_TRAINEE")
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            nonisolated(unsafe) var errData = Data()
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                errData = err.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            let printed = String(decoding: outData, as: UTF8.self) + String(decoding: errData, as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(example.command)")
            #expect(printed.trimmingCharacters(in: .newlines) == example.expected.trimmingCharacters(in: .newlines),
                    "docs/learner.md: '\(example.command)' printed something else")
        }
    }
}
