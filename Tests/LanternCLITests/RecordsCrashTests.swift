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
