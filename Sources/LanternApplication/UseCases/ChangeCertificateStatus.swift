import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Revoking, suspending or reinstating a certificate, with a reason code. The status list is
/// signed again here, by the job that changed it: a build only copies it.
public struct ChangeCertificateStatus: Sendable {
    let service: CertificateService
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        service = try CertificateService(workspace: course.loadedWorkspace(), store: records.acting(as: actor.auditName), keys: keys)
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
            throw LanternError(.unknownReason, "unknown reason '\(reason)'",
                               hint: (Suggestions.didYouMean(reason, in: StatusReason.codes).map { "\($0); " } ?? "")
                                   + "reasons: \(StatusReason.codes.joined(separator: ", "))")
        }
        let record = try service.store.setCertificateStatus(id, to: change.status, reason: reason)
        try service.signStatusList()
        output.write("\(change.rawValue) \(record.id) (\(reason)); build the site again so the published status list says so\n")
        return record
    }
}
