import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternSite

/// Publishing what a stranger needs to verify the certificates: the issuer profile, the signed
/// status list and each certificate's credential, either alone in a folder (`lantern cert
/// publish`) or as the verification part of the site (`lantern build`), both through
/// `SiteBuilder` (see docs/decisions.md for the one publication path).
public struct PublishVerificationFiles: Sendable {
    let service: CertificateService
    let output: any OutputSink

    public init(course: Course, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        try self.init(workspace: course.loadedWorkspace(), records: records, keys: keys, actor: actor, output: output)
    }

    /// With a certificate service the front end set up (its options, such as placeholders allowed).
    public init(service: CertificateService, output: any OutputSink) {
        self.service = service
        self.output = output
    }

    /// With a workspace already loaded another way (the site build loads it through its cache).
    public init(workspace: Workspace, records: RecordsStore, keys: KeyStore, actor: Principal, output: any OutputSink) throws(LanternError) {
        service = try CertificateService(workspace: workspace, store: records.acting(as: actor.auditName), keys: keys)
        self.output = output
    }

    /// Publishes the verification files alone into `folder` (issuer.json, status/list.jwt,
    /// credentials/<id>/credential.jwt), through the same code as the site build: the folder is
    /// replaced as a whole. Signs the status list again first if the records changed without it.
    public func write(to folder: URL, display: String) throws(LanternError) {
        try service.signStatusList()
        let verification = try verificationSite()
        let report = try SiteBuilder(workspace: service.workspace).publishVerification(verification, into: folder.standardizedFileURL)
        let count = verification.credentials.count
        output.write("wrote issuer.json, jwks.json, status/list.jwt and \(count) credential\(count == 1 ? "" : "s") to \(display)"
                     + " (\(report.written) file\(report.written == 1 ? "" : "s") written, \(report.unchanged) unchanged)\n")
    }

    /// The verification part of the site: the issuer profile, the status list the cert
    /// commands signed (nothing is signed here: `publication()` opens no private key), the
    /// browser verifier, one public record per certificate whose holder agreed to publication
    /// (the others verify by pasting), and the latest signed audit checkpoint.
    public func verificationSite() throws(LanternError) -> VerificationSite {
        let publication = try service.publication()
        let credentials = try service.publishedOnSite().map { record throws(LanternError) in try service.publishable(record) }
        return VerificationSite(issuerJSON: publication.issuerJSON, jwksJSON: publication.jwksJSON, statusListJWT: publication.statusListJWT,
                                verifierScript: BrowserVerifier.script, credentials: credentials,
                                auditCheckpoint: try service.publishedCheckpoint())
    }
}
