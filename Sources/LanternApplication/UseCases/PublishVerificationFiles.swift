import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternSite

/// Publishing what a stranger needs to verify the certificates: the issuer profile, the signed
/// status list and each certificate's credential, either as files in a folder (`lantern cert
/// publish`) or as the verification part of the site (`lantern build`).
///
/// (Issue 14 parts 3 and 7 — one publication path for both, and the fate of `cert publish` —
/// are another session's work: this use case wraps what LanternCertification and LanternSite
/// offer today, so both commands call one place.)
public struct PublishVerificationFiles: Sendable {
    let service: CertificateService
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        try self.init(workspace: course.loadedWorkspace(), records: records, keys: keys, actor: actor, output: output)
    }

    /// With a workspace already loaded another way (the site build loads it through its cache).
    public init(workspace: Workspace, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        service = try CertificateService(workspace: workspace, store: records.acting(as: actor.auditName), keys: keys)
        self.output = output
    }

    /// Writes issuer.json, status/list.jwt and credentials/<id>/credential.jwt into `folder`,
    /// each file whole or not at all under its name, and reports what it wrote.
    public func write(to folder: URL, display: String) throws(LanternError) {
        let publication = try service.publication()
        var files = publication.files
        for record in try service.store.certificates() { files["credentials/\(record.id)/credential.jwt"] = record.jwt + "\n" }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // A temporary file renamed into place, so a killed publish never leaves a
                // truncated credential or status list behind.
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw LanternError("write-failed", "cannot write \(display)/\(path)")
            }
        }
        output.write("wrote issuer.json, status/list.jwt and \(files.count - 2) credential\(files.count == 3 ? "" : "s") to \(display)\n")
    }

    /// The verification part of the site: the issuer profile, status list, browser verifier and
    /// one public record per certificate.
    public func verificationSite() throws(LanternError) -> VerificationSite {
        let publication = try service.publication()
        var credentials: [PublishedCredential] = []
        for record in try service.store.certificates() {
            let publishable = try service.publishable(record)
            guard let status = PublishedCredential.Status(rawValue: publishable.status.rawValue) else { continue }
            credentials.append(PublishedCredential(
                id: publishable.id, jwt: publishable.jwt, achievementName: publishable.achievementName,
                issuerName: publishable.issuerName, issuedOn: publishable.issuedOn, validUntil: publishable.validUntil,
                holderName: publishable.holderName, status: status))
        }
        return VerificationSite(issuerJSON: publication.issuerJSON, statusListJWT: publication.statusListJWT,
                                verifierScript: BrowserVerifier.script, credentials: credentials)
    }
}
