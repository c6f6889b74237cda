import Crypto
import Foundation
import GRDB

/// The SHA-256 of one row's content, as written into the audit entry that recorded it.
///
/// Columns are taken by name in sorted order and NULL columns are left out, so a later
/// migration that adds a nullable column does not change the digest of rows written before it.
/// Each name and value is length-prefixed and each value carries its SQLite type, so no two
/// different rows share a digest by moving text between columns or turning `1` into `'1'`.
/// REAL values are hashed by their bit pattern: exact, never a rounded decimal.
public enum RowDigest {
    public static func digest(_ row: Row) -> String {
        var hasher = SHA256()
        func field(_ text: String) {
            hasher.update(data: Data("\(text.utf8.count):".utf8))
            hasher.update(data: Data(text.utf8))
        }
        let pairs = zip(row.columnNames, row.databaseValues).sorted { $0.0 < $1.0 }
        for (name, value) in pairs {
            switch value.storage {
            case .null: continue
            case .int64(let int): field(name); field("i"); field(String(int))
            case .double(let double): field(name); field("r"); field(String(double.bitPattern, radix: 16))
            case .string(let text): field(name); field("t"); field(text)
            case .blob(let data):
                field(name); field("b")
                hasher.update(data: Data("\(data.count):".utf8))
                hasher.update(data: data)
            }
        }
        return AuditLog.hex(hasher.finalize())
    }

    /// The digest of the row `id` of `table`, or nil when there is no such row.
    static func digest(_ db: Database, table: String, id: String) throws -> String? {
        try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]).map(digest)
    }
}
