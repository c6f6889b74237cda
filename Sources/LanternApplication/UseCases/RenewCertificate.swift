import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Renewing a trainee's certificate when the cycle's continuing-education hours are logged.
public struct RenewCertificate: Sendable {
    let service: CertificateService
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        service = try CertificateService(workspace: course.loadedWorkspace(), store: records.acting(as: actor.auditName), keys: keys)
        self.output = output
    }

    @discardableResult
    public func renew(trainee: String) throws(LanternError) -> CertificateRecord {
        let record = try service.renew(trainee: trainee)
        output.write("issued \(record.id), renewing \(record.renews ?? "?"), valid until \(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\n")
        return record
    }
}
