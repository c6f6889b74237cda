import Foundation
import GRDB
import LanternDiagnostics

/// Opens the records database: a WAL `DatabasePool` with a busy timeout and foreign keys on,
/// created with mode 0600 (its folder 0700), migrated to the current schema.
///
/// A database written by a newer Lantern, a SQLite file that is not a Lantern database, and a
/// file that is not SQLite at all are refused with a clear error.
public enum RecordsDatabase {
    /// `application_id` stamped into every Lantern records database ("LNTN").
    public static let applicationID: Int32 = 0x4C4E_544E

    /// How long a write waits for another process before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// Opens (and creates, unless `mustExist`) the database at `path`.
    ///
    /// A new database is made complete (schema and `application_id`) under a temporary name and
    /// linked into place, so an existing file at `path` is always either a Lantern database or
    /// something that is refused: a zero-byte file is an error, never silently a new database.
    public static func open(at path: String, mustExist: Bool = false) throws(LanternError) -> DatabasePool {
        let url = URL(fileURLWithPath: path)
        switch try FileState.of(url.path, display: path) {
        case .missing:
            if mustExist {
                throw LanternError(.noDatabase, "no records database at '\(path)'",
                                   hint: "record something first (e.g. 'lantern trainee add'), or pass --db PATH")
            }
            try create(at: url, display: path)
        case .folder:
            throw LanternError(.notADatabase, "'\(path)' is a folder, not a records database",
                               hint: "pass the path of a .sqlite file with --db")
        case .empty:
            throw LanternError(.emptyDatabase, "'\(path)' is an empty file (0 bytes), not a records database",
                               hint: "if you expected records here, restore the latest copy made with 'lantern db backup'; "
                                   + "if this is a new workspace, delete the empty file and run the command again")
        case .file:
            break
        }
        do {
            try refuseForeignOrNewer(url, display: path)
            let pool = try DatabasePool(path: url.path, configuration: configuration())
            try migrate(pool, display: path)
            return pool
        } catch let error as LanternError {
            throw error
        } catch {
            throw RecordsError.map(error, database: path)
        }
    }

    /// What is at the database path, and whether this user may use it.
    enum FileState {
        case missing, folder, empty, file

        static func of(_ path: String, display: String) throws(LanternError) -> FileState {
            let found: Platform.FileStatus?
            do { found = try Platform.status(of: path) } catch { throw permissionError(display, reason: error.message) }
            guard let found else { return .missing }
            if found.kind == .folder { return .folder }
            if let denied = Platform.readWriteDenied(path) { throw permissionError(display, reason: denied) }
            return found.size == 0 ? .empty : .file
        }

        static func permissionError(_ display: String, reason: String) -> LanternError {
            LanternError(.databasePermission, "you may not open the records database '\(display)' (\(reason.lowercased()))",
                         hint: "ask whoever looks after the records to give your user read and write access, or pass --db PATH")
        }
    }

    /// Looks at an existing file through a read-only connection before the pool opens it (which
    /// switches the file to WAL mode): a foreign or newer database is refused unchanged.
    static func refuseForeignOrNewer(_ url: URL, display: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        let queue = try DatabaseQueue(path: url.path, configuration: config)
        defer { try? queue.close() }
        let state = try queue.read { db in try inspect(db) }
        try refuse(state, display: display)
    }

    /// Whether a database belongs to another program, or was written by a newer Lantern.
    private static func inspect(_ db: Database) throws -> (foreign: Bool, superseded: Bool, complete: Bool) {
        let stamped = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'") ?? 0
        // Another program's stamp marks the file as theirs even before it has any tables.
        let foreign = stamped != RecordsDatabase.applicationID && (tableCount > 0 || stamped != 0)
        if foreign { return (true, false, false) }
        let migrator = RecordsSchema.migrator
        return (false, try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
    }

    private static func refuse(_ state: (foreign: Bool, superseded: Bool, complete: Bool), display: String) throws(LanternError) {
        if state.foreign {
            throw LanternError(.notALanternDatabase, "'\(display)' is an SQLite database, but not a Lantern records database",
                               hint: "pass the path of a Lantern records database with --db, or a new path to start one")
        }
        if state.superseded {
            throw LanternError(.databaseTooNew, "'\(display)' was written by a newer version of Lantern (its schema has changes this version does not know)",
                               hint: "upgrade lantern to the version that wrote it; this version will not change the database")
        }
    }

    /// The connection settings every process uses.
    public static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .wal
        config.prepareDatabase { db in
            // Durable commits: an attempt that was reported saved survives a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted personal data is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return config
    }

    /// Creates `.lantern/` (0700) and a complete new database: written under a temporary name
    /// (mode 0600 from the start, so never readable by others), migrated, then linked into
    /// place. When another process linked its own first, that one is used.
    static func create(at url: URL, display: String) throws(LanternError) {
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw LanternError(.cannotCreateDatabase, "cannot create the folder for '\(display)'",
                                   hint: "check that you may write there, or pass --db PATH")
            }
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do { try Platform.writeNewPrivateFile(temporary.path, contents: []) } catch {
            throw LanternError(.cannotCreateDatabase, "cannot create '\(display)': \(error.message)",
                               hint: "check that you may write there, or pass --db PATH")
        }
        defer { Platform.removeFile(temporary.path) }
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            let queue = try DatabaseQueue(path: temporary.path, configuration: config)
            try RecordsSchema.migrator.migrate(queue)
            try queue.close()
        } catch {
            throw RecordsError.map(error, database: display)
        }
        // Linked into place only if no other process made the database first.
        do { _ = try Platform.hardLink(temporary.path, to: url.path) } catch {
            throw LanternError(.cannotCreateDatabase, "cannot create '\(display)': \(error.message)",
                               hint: "check that you may write there, or pass --db PATH")
        }
    }

    /// Refuses foreign and newer databases, then applies missing migrations. Several processes
    /// may open a new database at once: a migration that lost the race is retried.
    static func migrate(_ pool: DatabasePool, display: String) throws {
        let migrator = RecordsSchema.migrator
        var attempt = 0
        while true {
            attempt += 1
            let state = try pool.read { db in try inspect(db) }
            try refuse(state, display: display)
            if state.complete { return }
            do {
                try migrator.migrate(pool)
                return
            } catch {
                // Another process applied the same migration first: look again.
                if attempt >= 5 { throw error }
            }
        }
    }
}
