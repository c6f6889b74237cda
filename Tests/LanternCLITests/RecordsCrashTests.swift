import Foundation
import LanternTestSupport
import Testing

/// A process killed with SIGKILL while recording leaves no partial record and a database that
/// passes `lantern db check`.
@Suite("records survive SIGKILL")
struct RecordsCrashTests {
    struct Counts: Decodable { var counts: [String: Int] }

    static func counts(_ fixture: RecordsFixture) throws -> [String: Int] {
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.status == 0, "db check failed: \(check.stdout) \(check.stderr)")
        return try JSONDecoder().decode(Counts.self, from: Data(check.stdout.utf8)).counts
    }

    @Test("killed inside the transaction, before commit: nothing recorded, check passes, next write works")
    func killBeforeCommit() throws {
        let fixture = try RecordsFixture()
        let pause = fixture.folder.url.appendingPathComponent("paused").path
        let process = try fixture.start(["hours", "log", fixture.traineeID, "--hours", "2", "--supervisor", "sup", "--signed-off"],
                                        environment: ["LANTERN_TEST_PAUSE_FILE": pause])
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: pause), Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(FileManager.default.fileExists(atPath: pause), "the writer never reached the pause point")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let after = try Self.counts(fixture)
        #expect(after["practicum_hours"] == 0)
        #expect(after["audit_log"] == 2)

        let next = try fixture.run(["hours", "log", fixture.traineeID, "--hours", "2", "--supervisor", "sup"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Self.counts(fixture)["practicum_hours"] == 1)
    }

    @Test("killed at random moments: every record has its audit row and the chain holds")
    func killAtRandom() throws {
        let fixture = try RecordsFixture()
        for round in 0..<16 {
            let process = try fixture.start(["hours", "log", fixture.traineeID, "--hours", "1", "--supervisor", "sup"])
            Thread.sleep(forTimeInterval: Double(round % 8) * 0.006)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let counts = try Self.counts(fixture)
        let entries = try #require(counts["practicum_hours"])
        #expect(counts["audit_log"] == entries + 2, "an hours entry without its audit row, or the reverse")
    }
}

/// The same promises for quiz attempts, recorded through the assessment engine.
@Suite("quiz attempts survive SIGKILL and concurrency")
struct QuizAttemptRecordingTests {
    struct Counts: Decodable { var counts: [String: Int] }

    static func setUp() throws -> (TemporaryFolder, RecordsFixture, URL) {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let answers = try workspace.write("answers.yml", "goals: 1\n")
        return (workspace, fixture, answers)
    }

    static func counts(_ fixture: RecordsFixture) throws -> [String: Int] {
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.status == 0, "db check failed: \(check.stdout) \(check.stderr)")
        return try JSONDecoder().decode(Counts.self, from: Data(check.stdout.utf8)).counts
    }

    @Test("killed before the attempt commits: no partial attempt, check passes")
    func killMidAttempt() throws {
        let (workspace, fixture, answers) = try Self.setUp()
        let pause = fixture.folder.url.appendingPathComponent("paused").path
        let process = try fixture.start(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", answers.path,
                                         "-C", workspace.path], environment: ["LANTERN_TEST_PAUSE_FILE": pause])
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: pause), Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(FileManager.default.fileExists(atPath: pause))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let counts = try Self.counts(fixture)
        #expect(counts["quiz_attempt"] == 0)
        #expect(counts["audit_log"] == 2)

        for round in 0..<8 {
            let racer = try fixture.start(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", answers.path,
                                           "-C", workspace.path])
            Thread.sleep(forTimeInterval: Double(round) * 0.02)
            kill(racer.processIdentifier, SIGKILL)
            racer.waitUntilExit()
        }
        let after = try Self.counts(fixture)
        #expect(after["audit_log"] == (after["quiz_attempt"] ?? -1) + 2)
    }

    @Test("eight processes taking quizzes at once: every attempt recorded and numbered once")
    func eightTakers() throws {
        let (workspace, fixture, answers) = try Self.setUp()
        let failures = Mutex<[String]>([])
        let numbers = Mutex<[Int]>([])
        let perWorker = 4
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<perWorker {
                do {
                    let result = try fixture.run(["quiz", "take", "intro-quiz", "--trainee", fixture.traineeID, "--answers", answers.path,
                                                  "--json", "-C", workspace.path])
                    if result.status != 0 || result.stderr.contains("locked") {
                        failures.withLock { $0.append("worker \(worker): \(result.status) \(result.stderr)") }
                    }
                    if let line = result.stdout.split(separator: "\n").first(where: { $0.contains("\"attemptNumber\"") }),
                       let number = Int(line.filter(\.isNumber)) {
                        numbers.withLock { $0.append(number) }
                    }
                } catch {
                    failures.withLock { $0.append("worker \(worker): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(numbers.withLock { $0 }.sorted() == Array(1...(8 * perWorker)), "attempt numbers taken twice or skipped")
        #expect(try Self.counts(fixture)["quiz_attempt"] == 8 * perWorker)
        let progress = try fixture.run(["progress", fixture.traineeID, "--json"])
        #expect(progress.stdout.contains("\"attempts\" : \(8 * perWorker)"))
    }
}

import Synchronization
