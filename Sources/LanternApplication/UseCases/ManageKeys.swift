import Foundation
import LanternDiagnostics
import LanternRecords

/// Staff list and remove the SSH keys bound to a trainee or assessor.
public struct ManageKeys: Sendable {
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    /// Writes one line per key: fingerprint, algorithm, when it was enrolled.
    @discardableResult
    public func list(_ holder: KeyHolder) throws(LanternError) -> [KeyBinding] {
        let keys = try records.keys(of: holder)
        if keys.isEmpty {
            output.write("\(holder.kind) \(holder.id) has no SSH keys (invite them with 'lantern \(holder.kind) invite \(holder.id)')\n")
        }
        for key in keys {
            output.write("\(key.fingerprint)  \(key.algorithm)  enrolled \(key.enrolledAt)\n")
        }
        return keys
    }

    @discardableResult
    public func remove(_ fingerprint: String, of holder: KeyHolder) throws(LanternError) -> KeyBinding {
        let key = try records.removeKey(fingerprint, of: holder)
        output.write("removed \(key.fingerprint) from \(holder.kind) \(holder.id)\n")
        return key
    }
}
