import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Revoking, suspending or reinstating a certificate (`lantern cert revoke|suspend|reinstate`),
/// with a reason code: the change is recorded, then the status list is signed again at once by
/// this job (a build only copies it). A revoked certificate stays revoked. The front end asks
/// for confirmation before revoking (it cannot be undone).
public struct ChangeCertificateStatus: Sendable {
    public let actor: Principal
    let service: CertificateService
    let output: any OutputSink

    /// `service` is built over the records as the actor (`store.acting(as:)`).
    public init(service: CertificateService, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.service = service
        self.output = output
    }

    /// Sets certificate `id` to `status` (`.revoked`, `.suspended`, or `.active` to reinstate).
    @discardableResult
    public func run(certificate id: String, to status: CertificateRecord.Status, reason: StatusReason) throws(LanternError) -> CertificateRecord {
        let record = try service.store.setCertificateStatus(id, to: status, reason: reason.rawValue)
        try service.signStatusList()
        let verb = switch status {
        case .revoked: "revoked"
        case .suspended: "suspended"
        case .active: "reinstated"
        }
        output.write("\(verb) \(record.id) (\(reason.rawValue)); build the site again so the published status list says so\n")
        return record
    }
}
