import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Suspending a certificate until it is reinstated (`lantern cert suspend`), with a reason code;
/// the status list is signed again at once.
public struct SuspendCertificate: Sendable {
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
        try CertificateStatusChange.apply(.suspended, to: id, reason: reason, verb: "suspended", service: service, output: output)
    }
}

/// Reinstating a suspended certificate (`lantern cert reinstate`), with a reason code; the
/// status list is signed again at once. A revoked certificate stays revoked.
public struct ReinstateCertificate: Sendable {
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
        try CertificateStatusChange.apply(.active, to: id, reason: reason, verb: "reinstated", service: service, output: output)
    }
}
