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
        let service = try records.certificateService(mustExist: true)
        let publication = try service.publication()
        var credentials: [PublishedCredential] = []
        for record in try service.publishedOnSite() {
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
