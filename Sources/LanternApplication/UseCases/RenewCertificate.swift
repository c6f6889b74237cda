import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Renewing a trainee's certificate (`lantern cert renew`) by the certificate's renewal rules
/// (`CertificateService.renew`): only inside the renewal window before expiry set in
/// `program.yml`, only on continuing education done inside the cycle that no earlier renewal
/// counted, and the renewed certificate is superseded — never two current certificates.
public struct RenewCertificate: Sendable {
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
    public func run(trainee: String) throws(LanternError) -> CertificateRecord {
        let record = try service.renew(trainee: trainee)
        output.write("issued \(record.id), renewing \(record.renews ?? "?"), valid until \(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\n")
        return record
    }
}
