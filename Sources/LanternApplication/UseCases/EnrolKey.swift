import Foundation
import LanternDiagnostics
import LanternRecords

/// A person redeems their one-time code over SSH: the key they connected with is bound to them,
/// under a new principal of kind `key`; the binding is audited under that principal.
public struct EnrolKey: Sendable {
    let records: RecordsStore
    /// Wrong codes one invitation tolerates before it locks.
    let maxTries: Int

    public init(records: RecordsStore, maxTries: Int) {
        self.records = records
        self.maxTries = maxTries
    }

    public func enrol(code: String, publicKey: String, fingerprint: String) throws(LanternError) -> EnrolmentOutcome {
        try records.redeemInvitation(code, publicKey: publicKey, fingerprint: fingerprint, maxTries: maxTries)
    }
}
