import Foundation
import LanternTestSupport
import Testing

/// `lantern serve` driven by OpenSSH's own client on a loopback port, as a trainee, a trainer
/// and a stranger would use it.
@Suite("lantern serve with OpenSSH's client", .serialized)
struct OpenSSHEndToEndTests {
    @Test("The host key is made once (0600), its fingerprint is what ssh-keygen shows, and SIGTERM stops the server")
    func hostKey() throws {
        let harness = try ServeHarness()
        try harness.start()
        let printed = harness.server!.output
        let keyFile = harness.workspace.url.appendingPathComponent(".lantern/ssh_host_ed25519_key").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        let shown = try LanternProcess.runTool(ServeHarness.sshKeygen, ["-lf", keyFile + ".pub"]).stdout
        let fingerprint = try #require(shown.split(separator: " ").dropFirst().first.map(String.init))
        #expect(printed.contains("fingerprint: \(fingerprint)"))
        #expect(printed.contains("known_hosts line: [127.0.0.1]:\(harness.port) ssh-ed25519 "))
        #expect(harness.stop() == 0)

        // The second start keeps the key.
        try harness.start()
        #expect(harness.server!.output.contains("fingerprint: \(fingerprint)"))
        #expect(!harness.server!.output.contains("made now"))
        #expect(harness.stop() == 0)
    }

    @Test("A host key others can read is refused")
    func hostKeyPermissions() throws {
        let harness = try ServeHarness()
        try harness.start()
        harness.stop()
        chmod(harness.workspace.url.appendingPathComponent(".lantern/ssh_host_ed25519_key").path, 0o644)
        let result = try harness.lantern(["serve", "--listen", "127.0.0.1:0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("can be read by other users"))
    }

    @Test("A stranger's key is refused, whatever the user name")
    func stranger() throws {
        let harness = try ServeHarness()
        try harness.start()
        defer { harness.stop() }
        let key = try harness.makeKey("stranger")
        for user in ["lantern", "root", "t-anyone"] {
            let result = try harness.run(key: key, user: user, command: ["progress"])
            #expect(result.status == 255)
            #expect(result.errors.contains("Permission denied (publickey)"))
        }
        #expect(harness.server!.process.isRunning)
    }

    @Test("A stranger cannot hold connection slots through enrol@: few at once per address, and only for a few minutes")
    func enrolSlots() throws {
        let harness = try ServeHarness()
        try harness.start(["--max-enrolling-per-address", "1", "--enrol-timeout", "10"])
        defer { harness.stop() }
        let keys = try (1...3).map { try harness.makeKey("stranger-\($0)") }
        let first = try harness.connect(key: keys[0], user: "enrol", tty: false)
        try first.expect("Code: ")

        // A second enrol@ connection from the same address is refused while the first is open…
        let second = try harness.run(key: keys[1], user: "enrol")
        #expect(second.status == 255)
        #expect(second.errors.contains("Permission denied (publickey)"))
        try harness.server!.expect("too many enrolment connections open", inErrors: true)

        // …the first is closed by the server when its time is up, without a code typed…
        #expect(first.wait(timeout: 30) != -1)

        // …and its slot is free again.
        let third = try harness.connect(key: keys[2], user: "enrol", tty: false)
        try third.expect("Code: ")
        third.kill()
        #expect(harness.server!.process.isRunning)
    }
}
