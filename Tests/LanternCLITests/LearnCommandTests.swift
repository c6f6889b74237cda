import Foundation
import LanternTestSupport
import Testing

/// `lantern learn` driven through standard input (not a terminal: the documented line mode),
/// as a script or a screen-reader user would.
@Suite struct LearnCommandTests {
    let root = RepositoryPaths.packageRoot(from: #filePath)

    @Test func lineModeSavesAnswersAndResumesAcrossRuns() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("records.sqlite").path
        let added = try LanternProcess.run(["trainee", "add", "--name", "Test Trainee", "--db", db], in: root)
        #expect(added.status == 0)
        let first = try LanternProcess.run(["learn", "--db", db], in: root, input: "read 1\nquiz 1\n1\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("End of module 1."))
        #expect(first.stdout.contains("Saved."))
        #expect(first.stdout.contains("End of input. Your answers are saved"))
        #expect(!first.stdout.contains("\u{1B}"))
        let second = try LanternProcess.run(["learn", "--db", db], in: root, input: "quiz 1\nquit\nlist\n")
        #expect(second.stdout.contains("Welcome back"))
        #expect(second.stdout.contains("Question 2 of"))
        #expect(second.stdout.contains("1. Foundations of Peer Support and Recovery: reading."))
    }

    @Test func helpSaysWhereHelpIs() throws {
        let help = try LanternProcess.run(["learn", "--help"], in: root)
        #expect(help.status == 0)
        #expect(help.stdout.contains("988"))
        #expect(help.stdout.contains("emergency number"))
    }

    @Test func noTraineeIsExplained() throws {
        let folder = try TemporaryFolder()
        let result = try LanternProcess.run(["learn", "--db", folder.url.appendingPathComponent("r.sqlite").path], in: root, input: "")
        #expect(result.status == 1)
        #expect(result.stderr.contains("no trainees in the records yet"))
        #expect(result.stderr.contains("lantern trainee add"))
    }
}
