import Foundation
import LanternCertification
import LanternDiagnostics
import LanternRecords
import LanternSite

/// Joins the certification layer to the site: what `lantern build` publishes for verification.
enum SitePublication {
    /// The issuer profile, status list, browser verifier and one public record per certificate,
    /// or nil when the workspace has no records database or no signing key yet (a course site
    /// with no certificates).
    static func verificationSite(_ records: RecordsOptions) throws -> VerificationSite? {
        let databasePath = try records.databasePath()
        guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
        let (root, display) = try records.location.resolve()
        let keys = KeyStore(workspaceRoot: root, displayRoot: display)
        guard try keys.entries().contains(where: \.isActive) else { return nil }
        return try verificationSite(try records.certificateService(mustExist: true))
    }

    /// What the certificate service says to publish: the status list the cert commands signed
    /// (a build never signs: `publication()` opens no private key).
    static func verificationSite(_ service: CertificateService) throws -> VerificationSite {
        let publication = try service.publication()
        let credentials = try service.publishedOnSite().map { record throws(LanternError) in try service.publishable(record) }
        return VerificationSite(issuerJSON: publication.issuerJSON, statusListJWT: publication.statusListJWT,
                                verifierScript: BrowserVerifier.script, credentials: credentials,
                                auditCheckpoint: try service.publishedCheckpoint())
    }
}
