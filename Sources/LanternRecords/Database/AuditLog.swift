import Crypto
import Foundation
import GRDB
import LanternDiagnostics

/// The append-only audit log. Every change writes one row in the same transaction as the
/// change; each row's hash covers its fields and the previous row's hash, so removing,
/// reordering or editing any row breaks the chain from that row on.
public enum AuditLog {
    /// The `prev_hash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// The actor of entries a schema migration writes.
    public static let migrationActor = "lantern-migration"

    /// One row of the log.
    public struct Entry: Sendable, Hashable, Codable {
        public var id: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var subjectType: String
        public var subjectID: String
        /// JSON with ids and counts only: never names or emails.
        public var detail: String
        public var prevHash: String
        public var hash: String
    }

    /// Appends a row. Call inside the write transaction that makes the change.
    static func append(_ db: Database, at: String, actor: String, action: String,
                       subjectType: String, subjectID: String, detail: [String: String] = [:]) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let id: Int64 = (last?["id"] as Int64? ?? 0) + 1
        let prevHash: String = last?["hash"] ?? genesis
        let detailText = encode(detail)
        let hash = self.hash(id: id, at: at, actor: actor, action: action, subjectType: subjectType,
                             subjectID: subjectID, detail: detailText, prevHash: prevHash)
        try db.execute(sql: """
            INSERT INTO audit_log (id, at, actor, action, subject_type, subject_id, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, at, actor, action, subjectType, subjectID, detailText, prevHash, hash])
    }

    /// The SHA-256 (hex) of a row's fields, each length-prefixed so no two rows collide by
    /// moving text from one field into the next.
    public static func hash(id: Int64, at: String, actor: String, action: String, subjectType: String,
                            subjectID: String, detail: String, prevHash: String) -> String {
        var hasher = SHA256()
        for field in [String(id), at, actor, action, subjectType, subjectID, detail, prevHash] {
            hasher.update(data: Data("\(field.utf8.count):".utf8))
            hasher.update(data: Data(field.utf8))
        }
        return hex(hasher.finalize())
    }

    /// Lowercase hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String { Hex.encode(digest) }

    /// The detail as JSON with sorted keys: the same text for the same detail, always.
    static func encode(_ detail: [String: String]) -> String {
        "{" + detail.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(quoted($0.value))" }.joined(separator: ",") + "}"
    }

    private static func quoted(_ text: String) -> String { JSONString.quoted(text) }

    /// Where the chain first fails, or nil when every row links to the one before and hashes
    /// to what it says.
    public struct ChainReport: Sendable, Hashable {
        public var rows: Int
        public var problems: [String]
    }

    static func verify(_ db: Database) throws -> ChainReport {
        var previous = genesis
        var expectedID: Int64 = 1
        var rows = 0
        var problems: [String] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, at, actor, action, subject_type, subject_id, detail, prev_hash, hash FROM audit_log ORDER BY id")
        while let row = try cursor.next() {
            rows += 1
            let id: Int64 = row["id"]
            if id != expectedID {
                problems.append("audit log row \(expectedID)\(id > expectedID + 1 ? "–\(id - 1)" : "") is missing")
            }
            let prevHash: String = row["prev_hash"]
            if prevHash != previous {
                problems.append("audit log row \(id) does not link to the row before it")
            }
            let stored: String = row["hash"]
            let computed = hash(id: id, at: row["at"], actor: row["actor"], action: row["action"],
                                subjectType: row["subject_type"], subjectID: row["subject_id"],
                                detail: row["detail"], prevHash: prevHash)
            if stored != computed {
                problems.append("audit log row \(id) was altered (its hash does not match its contents)")
            }
            previous = stored
            expectedID = id + 1
            if problems.count >= 20 { break }
        }
        return ChainReport(rows: rows, problems: problems)
    }
}
