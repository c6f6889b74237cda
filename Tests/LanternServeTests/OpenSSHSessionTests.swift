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

    @Test("Garbage typed into a session (every byte value, broken escapes) neither crashes the server nor disturbs another session")
    func garbage() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (_, key) = try harness.enrolledTrainee("Jo")
        let (_, otherKey) = try harness.enrolledTrainee("Kit")
        let other = try harness.connect(key: otherKey, term: "xterm")
        try other.expect("Introduction")

        let hostile = try harness.connect(key: key, term: "xterm")
        try hostile.expect("Introduction")
        var generator = SystemRandomNumberGenerator()
        var noise = String()
        for _ in 0..<2_000 {
            let scalar = Unicode.Scalar(UInt8.random(in: 0...255, using: &generator))
            // Leave out q, Ctrl-C and Ctrl-D so the session stays open through the noise (and ~,
            // though the client's escape character is off).
            if ["q", "Q", "\u{3}", "\u{4}", "~"].contains(Character(scalar)) { continue }
            noise.unicodeScalars.append(scalar)
        }
        hostile.send(noise + "\u{1B}[" + "\u{1B}[999999999;999999999H" + "\u{1B}O")
        hostile.kill()

        // The other trainee's session still answers.
        let mark = other.output.count
        other.send("?")
        try other.expect("Press any key to go back", after: mark)
        other.send(" ")
        other.send("q")
        try other.expect("Your progress is saved")
        #expect(harness.server!.process.isRunning)
    }

    @Test("Resizing the client's terminal mid-session sends a window change, and the next screen is laid out at the new width")
    func windowChange() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let (_, key) = try harness.enrolledTrainee("Lou")
        // NO_COLOR: the status bar is plain text padded to the window's width.
        let client = try PTYClient(ServeHarness.ssh, harness.sshArguments(key: key, tty: true, extra: ["-o", "SetEnv=NO_COLOR=1"]),
                                   columns: 100, rows: 30, environment: ["TERM": "xterm-256color"])
        // At 100 columns the course map's status bar spells the keys out in full.
        try client.expect("Enter read  t quiz  n next  ! crisis lines  ? help  q quit")
        let mark = client.output.count
        try client.resize(columns: 50, rows: 20)
        // At 50 it shows the short keys, spread to exactly 50 columns: " ↑↓ choose" (10), 15 spaces, 25.
        try client.expect(" ↑↓ choose" + String(repeating: " ", count: 15) + "! crisis  ? help  q quit ", after: mark)
        let narrow = String(client.output.dropFirst(mark))
        #expect(!narrow.contains("Enter read  t quiz"))

        // Wider again: the full keys come back on the next screen.
        let wideMark = client.output.count
        try client.resize(columns: 120, rows: 30)
        try client.expect("Enter read  t quiz  n next  ! crisis lines  ? help  q quit", after: wideMark)
        client.send("q")
        try client.expect("Your progress is saved")
        #expect(client.wait() == 0)
    }
}
