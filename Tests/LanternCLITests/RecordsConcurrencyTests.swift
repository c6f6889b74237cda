import Foundation
import LanternTestSupport
import Synchronization
import Testing

/// Eight processes recording at once lose nothing and never fail with "database is locked".
@Suite("records under concurrent processes")
struct RecordsConcurrencyTests {
    struct Counts: Decodable { var counts: [String: Int] }

    @Test("eight processes logging hours at once: every entry recorded, no failures")
    func eightWriters() throws {
        let fixture = try RecordsFixture()
        let failures = Mutex<[String]>([])
        let perWorker = 8
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<perWorker {
                let arguments = index % 2 == 0
                    ? ["hours", "log", fixture.traineeID, "--hours", "1", "--supervisor", "sup", "--note", "w\(worker)-\(index)"]
                    : ["hours", "log", fixture.traineeID, "--hours", "1", "--ce", "ethics"]
                do {
                    let result = try fixture.run(arguments)
                    if result.status != 0 || result.stderr.contains("locked") {
                        failures.withLock { $0.append("worker \(worker) #\(index): \(result.status) \(result.stderr)") }
                    }
                } catch {
                    failures.withLock { $0.append("worker \(worker) #\(index): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.status == 0, "\(check.stderr)")
        let counts = try JSONDecoder().decode(Counts.self, from: Data(check.stdout.utf8)).counts
        #expect(counts["practicum_hours"] == 8 * perWorker / 2)
        #expect(counts["ce_hours"] == 8 * perWorker / 2)
        #expect(counts["audit_log"] == 2 + 8 * perWorker)
    }

    @Test("eight processes creating the same new database at once all succeed")
    func eightOpenersOfANewDatabase() throws {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        let database = folder.url.appendingPathComponent("new/records.sqlite").path
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            do {
                let result = try LanternProcess.run(["trainee", "add", "--name", "Person \(worker)", "--db", database])
                if result.status != 0 { failures.withLock { $0.append("\(worker): \(result.stderr)") } }
            } catch {
                failures.withLock { $0.append("\(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let list = try LanternProcess.run(["trainee", "list", "--format", "json", "--db", database])
        let trainees = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any]
        #expect(trainees?.count == 8)
    }
}
