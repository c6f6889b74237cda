import Foundation
import LanternTestSupport

/// A workspace served by the built `lantern serve` on a free loopback port, and OpenSSH's own
/// client to reach it with keys made by `ssh-keygen` in a temporary folder.
final class ServeHarness: @unchecked Sendable {
    static let ssh = "/usr/bin/ssh"
    static let sshKeygen = "/usr/bin/ssh-keygen"

    let workspace: TemporaryFolder
    let keys: TemporaryFolder
    private(set) var server: RunningProcess?
    private(set) var port = 0

    /// A quiz with two questions, so an attempt can be left between them.
    static let twoQuestionQuiz = """
        ---
        id: intro-quiz
        kind: quiz
        module: intro
        title: Introduction quiz
        pass: 50%
        ---

        ## Who sets the goals in peer support? {#goals outcome=lo1}

        - [x] The person receiving support.
        - [ ] The peer worker.

        ## Who decides what to share about their own story? {#sharing outcome=lo1}

        - [x] The peer worker, with the person's needs in mind.
        - [ ] The supervisor, always.

        """

    init() throws {
        workspace = try SampleWorkspace.create()
        try workspace.write("assessments/intro-quiz.md", Self.twoQuestionQuiz)
        keys = try TemporaryFolder(prefix: "lantern-keys")
    }

    /// Starts the server and waits for its "listening on" line (`listen: nil`: no `--listen`,
    /// so lantern.yml or the default decides).
    func start(_ extra: [String] = [], listen: String? = "127.0.0.1:0") throws {
        let server = try RunningProcess(LanternProcess.executable.path, ["serve"] + (listen.map { ["--listen", $0] } ?? []) + extra, in: workspace.url)
        let text = try server.expect("listening on 127.0.0.1:", timeout: 60)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on 127.0.0.1:") }),
              let port = Int(line.split(separator: ":").last ?? "") else { throw HarnessError("no port in \(text)") }
        self.port = port
        self.server = server
        // The host key as the server printed it, for StrictHostKeyChecking.
        let publicLine = try workspace.read(".lantern/ssh_host_ed25519_key.pub").split(separator: " ").prefix(2).joined(separator: " ")
        _ = try keys.write("known_hosts", "[127.0.0.1]:\(port) \(publicLine)\n")
    }

    /// Stops the server with SIGTERM; its exit status.
    @discardableResult
    func stop() -> Int32 {
        guard let server else { return 0 }
        server.kill(SIGTERM)
        return server.wait(timeout: 30)
    }

    /// Runs `lantern ARGUMENTS` in the workspace.
    @discardableResult
    func lantern(_ arguments: [String]) throws -> LanternProcess.Result {
        try LanternProcess.run(arguments, in: workspace.url)
    }

    /// Makes a key pair `name` (`ed25519`, or `ecdsa` with its bits); the private key's path.
    func makeKey(_ name: String, type: String = "ed25519", bits: Int? = nil) throws -> String {
        let path = keys.url.appendingPathComponent(name).path
        var arguments = ["-q", "-t", type, "-N", "", "-C", name, "-f", path]
        if let bits { arguments += ["-b", String(bits)] }
        let result = try LanternProcess.runTool(Self.sshKeygen, arguments)
        guard result.status == 0 else { throw HarnessError("ssh-keygen failed: \(result.stderr)") }
        return path
    }

    /// The arguments for `ssh` to this server with `key` as `user`.
    func sshArguments(key: String, user: String = "lantern", tty: Bool, extra: [String] = []) -> [String] {
        ["-p", String(port), "-i", key, "-F", "/dev/null",
         "-o", "UserKnownHostsFile=\(keys.url.appendingPathComponent("known_hosts").path)",
         "-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
         "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "-e", "none"]
            + (tty ? ["-tt"] : ["-T"]) + extra + ["\(user)@127.0.0.1"]
    }

    /// Starts an interactive `ssh` (TERM as given) to drive with `expect` and `send`.
    func connect(key: String, user: String = "lantern", tty: Bool = true, term: String = "dumb",
                 extra: [String] = [], command: [String] = []) throws -> RunningProcess {
        try RunningProcess(Self.ssh, sshArguments(key: key, user: user, tty: tty, extra: extra) + command,
                           environment: ["TERM": term])
    }

    /// Runs `ssh … COMMAND` to the end with `input` on standard input.
    func run(key: String, user: String = "lantern", command: [String] = [], input: String = "", extra: [String] = []) throws -> (status: Int32, output: String, errors: String) {
        let process = try RunningProcess(Self.ssh, sshArguments(key: key, user: user, tty: false, extra: extra) + command)
        process.send(input)
        process.closeInput()
        let status = process.wait(timeout: 30)
        return (status, process.output, process.errors)
    }

    /// A trainee enrolled with a new key: their id and the key's path.
    func enrolledTrainee(_ name: String) throws -> (id: String, key: String) {
        let id = try lantern(["trainee", "add", "--name", name, "--email", "\(name.lowercased())@example.org"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let code = try invite(["trainee", "invite", id])
        let key = try makeKey(name.lowercased())
        let result = try run(key: key, user: "enrol", input: code + "\n")
        guard result.status == 0, result.output.contains("Done.") else {
            throw HarnessError("enrolment failed (\(result.status)): \(result.output) \(result.errors)")
        }
        return (id, key)
    }

    /// Runs an invite command; the code it printed (its first line).
    func invite(_ arguments: [String]) throws -> String {
        let result = try lantern(arguments)
        guard result.status == 0, let code = result.stdout.split(separator: "\n").first else {
            throw HarnessError("invite failed: \(result.stderr)")
        }
        return String(code)
    }

    deinit {
        server?.kill(SIGKILL)
    }
}
