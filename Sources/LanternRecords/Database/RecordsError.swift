import Foundation
import GRDB
import LanternDiagnostics

/// Turns SQLite failures into `LanternError`s a person can act on. Messages name the database
/// file and the SQLite reason, never the bound values (which may be personal data).
public enum RecordsError {
    public static func map(_ error: any Error, database: String) -> LanternError {
        if let error = error as? LanternError { return error }
        guard let error = error as? DatabaseError else {
            return LanternError(.recordsError, "cannot use the records database '\(database)': \(error.localizedDescription)")
        }
        switch error.extendedResultCode {
        case .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE:
            // A full disk often shows up as a failed write (ENOSPC, or EFBIG over a size limit).
            return LanternError(.diskWriteFailed, "cannot write to the disk holding '\(database)' (full, over a size limit, or failing); nothing was recorded",
                                hint: "free some space, then run the command again and 'lantern db check'")
        default: break
        }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return LanternError(.notADatabase, "'\(database)' is not an SQLite database",
                                hint: "pass the path of a Lantern records database with --db, or a new path to start one")
        case .SQLITE_CORRUPT:
            return LanternError(.databaseCorrupt, "the records database '\(database)' is damaged (\(error.message ?? "corrupt"))",
                                hint: "restore the latest copy made with 'lantern db backup', then run 'lantern db check'")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LanternError(.databaseBusy, "the records database '\(database)' stayed locked by another program for over \(Int(RecordsDatabase.busyTimeout)) seconds",
                                hint: "try again when the other program has finished")
        case .SQLITE_READONLY:
            return LanternError(.databaseReadonly, "the records database '\(database)' cannot be written",
                                hint: "check the file's permissions and that its folder is writable")
        case .SQLITE_CANTOPEN:
            return LanternError(.cannotOpenDatabase, "cannot open the records database '\(database)'",
                                hint: "check that the path exists and that you may read and write it")
        case .SQLITE_FULL:
            return LanternError(.diskFull, "the disk holding '\(database)' is full; nothing was recorded")
        case .SQLITE_CONSTRAINT:
            return LanternError(.recordsConstraint, "the records database refused the change: \(error.message ?? "constraint failed")")
        default:
            return LanternError(.recordsError, "the records database '\(database)' reported: \(error.message ?? "\(error.resultCode)")")
        }
    }
}
