import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Revoking, suspending or reinstating a certificate, with a reason code; the next
/// publication's status list says so.
public struct ChangeCertificateStatus: Sendable {
    let records: RecordsStore
    let output: any OutputSink

    public init(records: RecordsStore, actor: Principal, output: any OutputSink) {
        self.records = records.acting(as: actor.auditName)
        self.output = output
    }

    public enum Change: String, Sendable, CaseIterable {
        case revoke = "revoked", suspend = "suspended", reinstate = "reinstated"

        var status: CertificateRecord.Status {
            switch self {
            case .revoke: .revoked
            case .suspend: .suspended
            case .reinstate: .active
            }
        }
    }

    @discardableResult
    public func apply(_ change: Change, to id: String, reason: String) throws(LanternError) -> CertificateRecord {
        guard StatusReason(rawValue: reason) != nil else {
            throw LanternError("unknown-reason", "unknown reason '\(reason)'",
                               hint: (Suggestions.didYouMean(reason, in: StatusReason.codes).map { "\($0); " } ?? "")
                                   + "reasons: \(StatusReason.codes.joined(separator: ", "))")
        }
        let record = try records.setCertificateStatus(id, to: change.status, reason: reason)
        output.write("\(change.rawValue) \(record.id) (\(reason)); publish the site again so the status list says so\n")
        return record
    }
}
