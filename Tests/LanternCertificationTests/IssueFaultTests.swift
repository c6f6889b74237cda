import Foundation
import LanternCertification
import LanternRecords
import LanternTestSupport
import Testing

/// `lantern cert issue --all-eligible` killed with SIGKILL at random moments, and run several at
/// once: every certificate recorded is whole (signed, verifiable, with its audit row), the
/// database passes `lantern db check`, and a rerun issues the rest without issuing anyone twice.
@Suite("certificates survive SIGKILL and concurrent issuing", .serialized)
struct IssueFaultTests {
    static let trainees = 60

    /// The sample workspace with a key and `count` trainees who all meet the requirements.
    static func eligible(_ count: Int) throws -> CertificateLifecycleTests.Setup {
        let setup = try CertificateLifecycleTests.setup()
        try CertificateLifecycleTests.complete(setup)
        for number in 1..<count {
            let trainee = try setup.store.addTrainee(NewTrainee(name: "Trainee \(number)", email: "trainee\(number)@example.org"))
            try CertificateLifecycleTests.complete(CertificateLifecycleTests.Setup(
                folder: setup.folder, store: setup.store, workspace: setup.workspace, traineeID: trainee.id))
        }
        return setup
    }

    static func start(_ arguments: [String], _ setup: CertificateLifecycleTests.Setup, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = LanternProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = setup.folder.url
        var env = ProcessInfo.processInfo.environment
        env["LANTERN_DB"] = setup.dbPath
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// What must hold after any kill: the database checks, each certificate is signed and
    /// verifies, has exactly one audit row, and no trainee holds two. Returns how many there are.
    @discardableResult
    static func consistent(_ setup: CertificateLifecycleTests.Setup, _ context: String) throws -> Int {
        let check = try LanternProcess.run(["db", "check"], in: setup.folder.url, environment: ["LANTERN_DB": setup.dbPath])
        #expect(check.status == 0, "\(context): db check: \(check.stdout)\(check.stderr)")
        let certificates = try setup.store.certificates()
        let holders = Dictionary(grouping: certificates, by: \.traineeID)
        #expect(holders.values.allSatisfy { $0.count == 1 }, "\(context): a trainee was issued twice: \(holders.filter { $0.value.count > 1 }.keys.sorted())")
        let verifier = try setup.service().verifier()
        for record in certificates {
            let report = verifier.verify(record.jwt)
            #expect(report.verdict == .valid, "\(context): certificate \(record.id) recorded without a good signature: \(report.text)")
        }
        let issued = try setup.store.auditEntries().filter { $0.action == "certificate.issue" }.map(\.subjectID)
        #expect(issued.sorted() == certificates.map(\.id).sorted(), "\(context): certificates and their audit rows differ")
        return certificates.count
    }

    @Test("killed before its first commit and at random moments: whole certificates only; a rerun issues the rest once")
    func killIssue() throws {
        let setup = try Self.eligible(Self.trainees)
        let arguments = ["cert", "issue", "--all-eligible", "--allow-placeholder"]

        // Killed while the first certificate's transaction is open: nothing recorded.
        let pause = setup.folder.url.appendingPathComponent("paused").path
        let paused = try Self.start(arguments, setup, environment: ["LANTERN_TEST_PAUSE_FILE": pause])
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: pause), Date() < deadline, paused.isRunning { Thread.sleep(forTimeInterval: 0.01) }
        kill(paused.processIdentifier, SIGKILL)
        paused.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: pause), "issuing never reached the pause point")
        #expect(try Self.consistent(setup, "paused") == 0)

        // How long a whole run takes here (debug, sanitizers, a busy machine): kill inside it.
        var generator = SystemRandomNumberGenerator()
        var span = 0.4
        for round in 0..<12 {
            let started = Date()
            let process = try Self.start(arguments, setup)
            Thread.sleep(forTimeInterval: Double.random(in: 0.02..<span, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit { span = max(0.05, Date().timeIntervalSince(started) * 0.8) }
            let count = try Self.consistent(setup, "round \(round)")
            if count == Self.trainees { break }
        }
        let before = try setup.store.certificates().count
        let rerun = try LanternProcess.run(arguments, in: setup.folder.url, environment: ["LANTERN_DB": setup.dbPath])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("issued ") }.count == Self.trainees - before)
        #expect(try Self.consistent(setup, "rerun") == Self.trainees)
        let again = try LanternProcess.run(arguments, in: setup.folder.url, environment: ["LANTERN_DB": setup.dbPath])
        #expect(again.status == 0 && again.stdout.contains("no trainee is newly eligible"), "\(again.stdout)\(again.stderr)")
    }

    @Test("three issuing at once: each trainee certified once, every run ends well")
    func concurrentIssue() throws {
        let setup = try Self.eligible(24)
        let processes = try (0..<3).map { _ in try Self.start(["cert", "issue", "--all-eligible", "--allow-placeholder"], setup) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0])
        #expect(try Self.consistent(setup, "concurrent") == 24)
        // Naming the trainee again is refused, not a second certificate.
        let twice = try LanternProcess.run(["cert", "issue", setup.traineeID, "--allow-placeholder"], in: setup.folder.url, environment: ["LANTERN_DB": setup.dbPath])
        #expect(twice.status == 1 && twice.stderr.contains("already holds certificate"), "\(twice.stdout)\(twice.stderr)")
        #expect(try setup.store.certificates().count == 24)
    }
}
