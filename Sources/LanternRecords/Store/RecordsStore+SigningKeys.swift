import Foundation
import GRDB
import LanternDiagnostics

extension RecordsStore {
    /// Records a change to the issuer's signing keys in the audit chain: the keys themselves live
    /// in `.lantern/keys/`, outside the database, so without this row nothing in the records would
    /// show when a key was made, retired or revoked, or by whom. `action` is
    /// `signing-key.created`, `signing-key.retired` or `signing-key.revoked`; the subject is the
    /// key's public thumbprint (no personal data).
    public func auditSigningKey(_ action: String, thumbprint: String, detail: [String: String] = [:]) throws(LanternError) {
        try write { db, now in
            try self.audit(db, now, action, "signing_key", thumbprint, detail)
        }
    }
}
