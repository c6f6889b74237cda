import Foundation
import LanternTestSupport
import Testing

/// `lantern db backup` while another process writes gives a consistent copy.
@Suite("records backup")
struct RecordsBackupTests {
    struct Counts: Decodable { var counts: [String: Int] }

    @Test("backups taken while writing restore to consistent databases")
    func backupWhileWriting() throws {
        let fixture = try RecordsFixture()
        let writes = 24
        let writer = Thread {
            for _ in 0..<writes {
                _ = try? fixture.run(["hours", "log", fixture.traineeID, "--hours", "1", "--ce", "general"])
            }
        }
        writer.start()
        var backups: [String] = []
        for index in 0..<4 {
            let path = fixture.folder.url.appendingPathComponent("backup-\(index).sqlite").path
            let result = try fixture.run(["db", "backup", path])
            #expect(result.status == 0, "\(result.stderr)")
            backups.append(path)
            Thread.sleep(forTimeInterval: 0.05)
        }
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.02) }
        let final = fixture.folder.url.appendingPathComponent("backup-final.sqlite").path
        #expect(try fixture.run(["db", "backup", final]).status == 0)
        backups.append(final)

        for path in backups {
            // Restoring is using the copy as the database.
            let check = try LanternProcess.run(["db", "check", "--json", "--db", path])
            #expect(check.status == 0, "\(path): \(check.stdout) \(check.stderr)")
            let counts = try JSONDecoder().decode(Counts.self, from: Data(check.stdout.utf8)).counts
            #expect(counts["audit_log"] == (counts["ce_hours"] ?? -1) + 2, "\(path) is not a consistent snapshot")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let last = try LanternProcess.run(["db", "check", "--json", "--db", final])
        let counts = try JSONDecoder().decode(Counts.self, from: Data(last.stdout.utf8)).counts
        #expect(counts["ce_hours"] == writes)
    }
}
