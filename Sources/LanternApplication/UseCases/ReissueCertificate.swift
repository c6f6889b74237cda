import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Replacing a certificate after a correction (`lantern cert reissue`): the old one is revoked
/// as `superseded` and a new one signed for the trainee's current details, with the same
/// evidence and expiry and a link to the old one, in one transaction. The front end asks for
/// confirmation first (it cannot be undone).
public struct ReissueCertificate: Sendable {
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
    public func run(certificate id: String) throws(LanternError) -> CertificateRecord {
        let record = try service.reissue(certificate: id)
        output.write("issued \(record.id) to \(record.traineeID) in place of \(id) (revoked: superseded), valid until "
                     + "\(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\n"
                     + "publish the site again ('lantern build' or 'lantern cert publish') so the status list says so\n")
        return record
    }
}
