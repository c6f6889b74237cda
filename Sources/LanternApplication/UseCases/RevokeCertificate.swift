import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Revoking a certificate for good (`lantern cert revoke`), with a reason code. The status list
/// is signed again at once, by this job: a build only copies it. The front end asks for
/// confirmation first (it cannot be undone).
public struct RevokeCertificate: Sendable {
    public let actor: Principal
    let service: CertificateService
    let output: any OutputSink

    /// `service` is built over the records as the actor (`store.acting(as:)`).
    public init(service: CertificateService, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.service = service
        self.output = output
    }

    @discardableResult
    public func run(certificate id: String, reason: StatusReason) throws(LanternError) -> CertificateRecord {
        try CertificateStatusChange.apply(.revoked, to: id, reason: reason, verb: "revoked", service: service, output: output)
    }
}

/// What revoking, suspending and reinstating share: record the change, then sign the status
/// list again (the order `docs/decisions.md` asks of every job that changes a status).
enum CertificateStatusChange {
    static func apply(_ status: CertificateRecord.Status, to id: String, reason: StatusReason, verb: String,
                      service: CertificateService, output: any OutputSink) throws(LanternError) -> CertificateRecord {
        let record = try service.store.setCertificateStatus(id, to: status, reason: reason.rawValue)
        try service.signStatusList()
        output.write("\(verb) \(record.id) (\(reason.rawValue)); build the site again so the published status list says so\n")
        return record
    }
}
