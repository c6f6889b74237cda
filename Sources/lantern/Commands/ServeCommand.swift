import ArgumentParser
import Dispatch
import Foundation
import LanternApplication
import LanternCurriculum
import LanternDiagnostics
import LanternServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the course over SSH: each trainee and assessor signs in with their own key.",
        discussion: """
        Trainees connect with 'ssh -p PORT HOST' and get the learner as themselves; staff with \
        the trainer role may also run commands ('ssh -p PORT HOST report cohort C'). A person \
        enrols their key once with a code from 'lantern trainee invite T' (or 'assessor invite A'): \
        'ssh -p PORT enrol@HOST'. Only Ed25519 and ECDSA keys are accepted; no passwords.

        The host key is made on first start in .lantern/ssh_host_ed25519_key (mode 0600); its \
        fingerprint and a known_hosts line are printed so people can check they reached this \
        server. SIGTERM or Ctrl-C lets sessions save and close. See docs/serve.md.
        """
    )

    @Option(help: ArgumentHelp("Where to listen (default: 'serve: listen:' in lantern.yml, else 127.0.0.1:2222; 0.0.0.0:2222 opens it to the network).", valueName: "addr:port"))
    var listen: String?

    @Option(help: ArgumentHelp("Connections at once, in all.", valueName: "n"))
    var maxConnections: Int = 1_000

    @Option(help: ArgumentHelp("Connections at once from one address.", valueName: "n"))
    var maxConnectionsPerAddress: Int = 600

    @Option(help: ArgumentHelp("Seconds a client has to sign in.", valueName: "seconds"))
    var authTimeout: Int = 30

    @Option(help: ArgumentHelp("Seconds without input before a connection is closed.", valueName: "seconds"))
    var idleTimeout: Int = 3_600

    @Option(help: ArgumentHelp("Wrong tries one enrolment code allows before it locks.", valueName: "n"))
    var codeTries: Int = 5

    @Option(help: ArgumentHelp("Wrong enrolment codes one address may type per hour.", valueName: "n"))
    var addressFailures: Int = 20

    @Option(help: ArgumentHelp("Seconds an enrol@ connection may stay open.", valueName: "seconds"))
    var enrolTimeout: Int = 300

    @Option(help: ArgumentHelp("enrol@ connections at once from one address (200 or this, whichever is more, in all).", valueName: "n"))
    var maxEnrollingPerAddress: Int = 100

    @OptionGroup var records: RecordsOptions

    func validate() throws {
        if let listen, ServeConfiguration.parseListen(listen) == nil {
            throw ValidationError("--listen takes ADDRESS:PORT, for example 127.0.0.1:2222 or 0.0.0.0:2222")
        }
        for (name, value) in [("--max-connections", maxConnections), ("--max-connections-per-address", maxConnectionsPerAddress),
                              ("--auth-timeout", authTimeout), ("--idle-timeout", idleTimeout), ("--code-tries", codeTries),
                              ("--address-failures", addressFailures), ("--enrol-timeout", enrolTimeout),
                              ("--max-enrolling-per-address", maxEnrollingPerAddress)] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
    }

    func run() throws {
        let (root, display) = try records.location.resolve()
        let course = try records.course()
        _ = try course.loadedWorkspace()
        let settings = try records.serveSettings(course: course)
        let (host, port) = listen.flatMap(ServeConfiguration.parseListen)
            ?? (settings.listen ?? ServeSettings.defaultListen).pair
        let store = try records.open()
        let hostKey = try HostKey.loadOrCreate(in: root.appendingPathComponent(".lantern"),
                                               display: display.isEmpty ? ".lantern" : display + "/.lantern")
        let configuration = ServeConfiguration(host: host, port: port, maxConnections: maxConnections,
                                               maxConnectionsPerAddress: maxConnectionsPerAddress,
                                               authenticationTimeout: TimeInterval(authTimeout), idleTimeout: TimeInterval(idleTimeout),
                                               codeTries: codeTries, failuresPerAddress: addressFailures,
                                               enrolmentTimeout: TimeInterval(enrolTimeout), maxEnrollingPerAddress: maxEnrollingPerAddress,
                                               maxEnrolling: max(200, maxEnrollingPerAddress))
        let databasePath = URL(fileURLWithPath: try records.databasePath()).standardizedFileURL.path
        let runner = StaffCommandRunner(executable: Self.executablePath, workspaceRoot: root.path, databasePath: databasePath)
        let server = SSHServer(course: course, records: store, hostKey: hostKey, configuration: configuration,
                               staffCommands: runner, log: { line in Console.err("lantern serve: \(line)\n") })
        let bound = try server.start()
        // What people type: the public address from lantern.yml, else this listener.
        let shown = settings.address ?? ServeSettings.Endpoint(host: host == "0.0.0.0" || host == "::" ? "HOST" : host, port: bound)
        let portOption = shown.port == 22 ? "" : "-p \(shown.port) "
        Console.out("""
            host key: \(hostKey.path)\(hostKey.created ? " (made now: back it up)" : "")
            fingerprint: \(hostKey.fingerprint)
            known_hosts line: \(hostKey.knownHostsLine(host: shown.host, port: shown.port))
            trainees connect with: ssh \(portOption)\(shown.host)   (to enrol a key: ssh \(portOption)enrol@\(shown.host))
            listening on \(host):\(bound)

            """)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Console.err("lantern serve: stopping; sessions save and close\n")
                server.stop()
            }
            source.resume()
            sources.append(source)
        }
        server.waitUntilStopped()
        sources.forEach { $0.cancel() }
        Console.err("lantern serve: stopped\n")
    }

    /// This program's own file, to run staff commands with.
    static var executablePath: String {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}

extension ServeSettings.Endpoint {
    var pair: (host: String, port: Int) { (host, port) }
}
