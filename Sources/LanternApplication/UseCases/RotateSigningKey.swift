import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords

/// `lantern keys rotate`: the active signing key is retired and a new one made. The old public
/// key stays published with its `retired` date (what it signed before keeps verifying; the
/// verifiers refuse anything it signed dated after); its private key leaves the workspace —
/// destroyed, or moved to a folder outside it. The front end asks for confirmation first.
public struct RotateSigningKey: Sendable {
    public let actor: Principal
    let keys: KeyStore
    let records: RecordsStore?
    let output: any OutputSink

    /// `records`, when the workspace has them, gets an audit row per key made and retired.
    public init(keys: KeyStore, records: RecordsStore? = nil, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.keys = keys
        self.records = records
        self.output = output
    }

    @discardableResult
    public func run(disposal: KeyStore.Disposal = .destroy, now: Date = Date()) throws(LanternError) -> KeyStore.Change {
        let change = try keys.rotate(now: now, disposal: disposal)
        try Self.audit(change, ended: "signing-key.retired", in: records)
        if let key = change.newKey { output.write("new signing key \(key.thumbprint)\n") }
        for thumbprint in change.ended {
            output.write("retired \(thumbprint) as of \(CredentialDate.format(now)): its public key stays published so what it signed before verifies; "
                         + "anything it signed after that date is refused\n")
        }
        Self.reportDisposal(change, keys: keys, output: output)
        if !change.ended.isEmpty {
            output.write("publish again ('lantern build' or 'lantern cert publish') so jwks.json says the old key is retired\n")
        }
        return change
    }

    /// An audit row for the key `change` made and for each key it ended (`ended` names the action).
    static func audit(_ change: KeyStore.Change, ended: String, in records: RecordsStore?) throws(LanternError) {
        guard let records else { return }
        if let key = change.newKey { try records.auditSigningKey("signing-key.created", thumbprint: key.thumbprint) }
        for thumbprint in change.ended {
            let disposal = change.disposed.first { $0.thumbprint == thumbprint }
                .map { $0.movedTo == nil ? "private key destroyed" : "private key moved out of the workspace" }
            try records.auditSigningKey(ended, thumbprint: thumbprint, detail: disposal.map { ["private_key": $0] } ?? [:])
        }
    }

    static func reportDisposal(_ change: KeyStore.Change, keys: KeyStore, output: any OutputSink) {
        for item in change.disposed {
            if let target = item.movedTo {
                output.write("moved the private key of \(item.thumbprint) to \(target) and removed it from \(keys.displayFolder)\n")
            } else {
                output.write("destroyed the private key of \(item.thumbprint) (overwritten and removed from \(keys.displayFolder))\n")
            }
        }
    }
}
