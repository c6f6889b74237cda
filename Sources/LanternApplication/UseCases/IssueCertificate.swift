import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords

/// Issuing a certificate to a trainee who meets the program's requirements (or to every
/// eligible trainee who holds no current certificate), signed with the workspace's key.
public struct IssueCertificate: Sendable {
    let service: CertificateService
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        service = try CertificateService(workspace: course.loadedWorkspace(), store: records.acting(as: actor.auditName), keys: keys)
        self.output = output
    }

    /// Issues to one trainee and reports it.
    @discardableResult
    public func issue(trainee: String) throws(LanternError) -> CertificateRecord {
        let record = try service.issue(trainee: trainee)
        output.write("issued \(record.id) to \(record.traineeID), valid until \(record.validUntil.map { String($0.prefix(10)) } ?? "no expiry")\n")
        return record
    }

    /// Issues to every trainee who meets the requirements and holds no current certificate.
    @discardableResult
    public func issueToEveryEligible() throws(LanternError) -> [CertificateRecord] {
        let trainees = try service.eligibleTrainees()
        var issued: [CertificateRecord] = []
        for trainee in trainees {
            do {
                issued.append(try issue(trainee: trainee))
            } catch where error.is(.alreadyCertified) {
                // Another `lantern` issued it since the list was made.
                output.write("skipped \(trainee): \(error.message)\n")
            }
        }
        if trainees.isEmpty { output.write("no trainee is newly eligible\n") }
        return issued
    }
}
