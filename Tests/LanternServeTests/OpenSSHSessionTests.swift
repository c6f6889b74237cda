import Foundation
import LanternTestSupport
import Testing

/// The full-screen learner over a PTY, colour and NO_COLOR, and shutting down with sessions open.
@Suite("lantern serve: sessions with OpenSSH's client", .serialized)
struct OpenSSHSessionTests {
    @Test("With a PTY the full-screen learner opens as the trainee, in colour unless the client sends NO_COLOR")
    func fullScreen() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (trainee, key) = try harness.enrolledTrainee("Gus")

        let coloured = try harness.connect(key: key, term: "xterm-256color")
        try coloured.expect("trainee \(trainee)")
        try coloured.expect("Introduction")
        #expect(coloured.output.contains("\u{1B}[?1049h"))   // the alternate screen
        #expect(coloured.output.contains("\u{1B}[7m") || coloured.output.contains("\u{1B}[3"))
        coloured.send("q")
        try coloured.expect("Your progress is saved")
        #expect(coloured.wait() == 0)

        let plain = try harness.connect(key: key, term: "xterm-256color", extra: ["-o", "SetEnv=NO_COLOR=1"])
        try plain.expect("Introduction")
        plain.send("q")
        try plain.expect("Your progress is saved")
        #expect(plain.wait() == 0)
        let colourCodes = plain.output.components(separatedBy: "\u{1B}[").filter { $0.first.map { "34".contains($0) } == true && $0.dropFirst().first.map(\.isNumber) == true }
        #expect(colourCodes.isEmpty, "colour codes sent despite NO_COLOR: \(colourCodes.prefix(3))")
    }

    @Test("Without a PTY the plain learner answers line by line")
    func noPTY() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (_, key) = try harness.enrolledTrainee("Hal")
        let result = try harness.run(key: key, input: "list\nquit\n")
        #expect(result.status == 0)
        #expect(result.output.contains("lantern> "))
        #expect(result.output.contains("Introduction"))
        #expect(!result.output.contains("\u{1B}["))
    }

    @Test("SIGTERM lets an open session save and close, then the server exits 0")
    func gracefulShutdown() throws {
        let harness = try ServeHarness()
        try harness.start()
        let (trainee, key) = try harness.enrolledTrainee("Ivy")
        let session = try harness.connect(key: key)
        try session.expect("lantern> ")
        session.send("quiz 1\r")
        try session.expect("Question 1 of 2")
        session.send("1\r")
        try session.expect("Saved.")
        #expect(harness.stop() == 0)
        #expect(harness.server!.errors.contains("stopped"))
        session.wait()
        #expect(!session.process.isRunning)

        // The answer given before the shutdown is there when the server starts again.
        try harness.start()
        defer { harness.stop() }
        let again = try harness.connect(key: key)
        try again.expect("lantern> ")
        again.send("quiz 1\r")
        try again.expect("Carrying on at question 2")
        again.kill()
        #expect(try harness.lantern(["progress", trainee]).status == 0)
    }
}
