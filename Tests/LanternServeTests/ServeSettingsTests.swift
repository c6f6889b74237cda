import Foundation
import LanternTestSupport
import Testing

/// `serve:` in lantern.yml read by `lantern serve` itself: where it listens without `--listen`,
/// and the public address it prints for people to connect to.
@Suite("lantern serve: the serve: settings of lantern.yml", .serialized)
struct ServeSettingsTests {
    @Test("Without --listen the server listens where lantern.yml says, and prints the public address from it")
    func listenAndAddress() throws {
        let harness = try ServeHarness()
        try harness.workspace.write("lantern.yml", SampleWorkspace.files["lantern.yml"]!
            + "serve:\n  listen: 127.0.0.1:0\n  address: training.example.org:2022\n")
        try harness.start(listen: nil)
        defer { harness.stop() }
        #expect(harness.port != 2222 && harness.port > 0)
        let printed = harness.server!.output
        #expect(printed.contains("trainees connect with: ssh -p 2022 training.example.org   (to enrol a key: ssh -p 2022 enrol@training.example.org)"), "\(printed)")
        #expect(printed.contains("known_hosts line: [training.example.org]:2022 ssh-ed25519 "))
        // It serves on the port it chose.
        let (_, key) = try harness.enrolledTrainee("Lea")
        let session = try harness.run(key: key, input: "quit\n")
        #expect(session.status == 0, "\(session.errors)")
    }

    @Test("A wrong serve: setting stops the server from starting, at its line")
    func badSetting() throws {
        let harness = try ServeHarness()
        try harness.workspace.write("lantern.yml", SampleWorkspace.files["lantern.yml"]! + "serve:\n  listen: everywhere\n")
        let server = try RunningProcess(LanternProcess.executable.path, ["serve"], in: harness.workspace.url)
        #expect(server.wait(timeout: 60) == 1)
        #expect(server.errors.contains("lantern.yml:8:11"), "\(server.errors)")
    }
}
