import Foundation
import GRDB
import LanternDiagnostics
import LanternRecords
import LanternTestSupport
import Testing

@Suite("opening the records database")
struct DatabaseOpeningTests {
    @Test("a database from a newer Lantern is refused and left unchanged")
    func newerDatabase() throws {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        let path = folder.url.appendingPathComponent("r.sqlite").path
        _ = try RecordsStore(path: path, actor: "tester")
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        try raw.close()
        #expect {
            _ = try RecordsStore(path: path, actor: "tester")
        } throws: { error in
            (error as? LanternError)?.code == "database-too-new"
                && (error as? LanternError)?.message.contains("newer version of Lantern") == true
        }
    }

    @Test("an SQLite database that is not Lantern's is refused")
    func foreignDatabase() throws {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        let path = folder.url.appendingPathComponent("other.sqlite").path
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try raw.close()
        #expect {
            _ = try RecordsStore(path: path, actor: "tester")
        } throws: { error in
            (error as? LanternError)?.code == "not-a-lantern-database"
        }
    }

    @Test("the database runs in WAL mode with foreign keys on, and is created 0600")
    func settings() throws {
        let folder = try TemporaryFolder(prefix: "lantern-records")
        let path = folder.url.appendingPathComponent("nested/r.sqlite").path
        let store = try RecordsStore(path: path, actor: "tester")
        let (mode, keys) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(keys == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(RecordsSchema.migrationIdentifiers == ["v1-records", "v2-certificates", "v3-corrections", "v4-attempt-records", "v5-marking",
                                                       "v6-evidence-digests", "v7-renewal-records", "v8-principals", "v9-ssh-keys",
                                                       "v10-assessor-cohorts"])
    }
}
