import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Issuing certificates (`lantern cert issue`): to one trainee who meets the requirements, or
/// to every eligible trainee at once (those who already hold a current certificate, are erased
/// or do not meet the requirements are skipped with the reason).
public struct IssueCertificate: Sendable {
    public let actor: Principal
    let service: CertificateService
    let output: any OutputSink

    /// `service` is built over the records as the actor (`store.acting(as:)`).
    public init(service: CertificateService, actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.service = service
        self.output = output
    }

    /// Issues to one trainee; throws `requirements-not-met` (with what is missing) otherwise.
    @discardableResult
    public func run(trainee: String) throws(LanternError) -> CertificateRecord {
        let record = try service.issue(trainee: trainee)
        report(record)
        return record
    }

    /// Issues to every eligible trainee; says who was skipped and why.
    @discardableResult
    public func runForAllEligible() throws(LanternError) -> [CertificateRecord] {
        let checks = try service.eligibility()
        for check in checks {
            if let reason = check.skipped { output.write("skipped \(check.traineeID): \(reason)\n") }
        }
        let eligible = checks.filter { $0.skipped == nil }.map(\.traineeID)
        var issued: [CertificateRecord] = []
        for trainee in eligible {
            do {
                let record = try service.issue(trainee: trainee)
                report(record)
                issued.append(record)
            } catch where error.is(.alreadyCertified) {
                // Another process issued it since the list was made.
                output.write("skipped \(trainee): \(error.message)\n")
            }
        }
        if eligible.isEmpty { output.write("no trainee is newly eligible\n") }
        return issued
    }

    private func report(_ record: CertificateRecord) {
        output.write("issued \(record.id) to \(record.traineeID), valid until \(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\n")
    }
}
