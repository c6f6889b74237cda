import Foundation
import LanternCertification

/// The context of `credentials/<id>/index.html`: only what `PublishedCredential` holds.
enum CredentialPage {
    static func context(_ credential: PublishedCredential, baseURL: String) -> [String: Any] {
        var fields: [String: Any] = [
            "id": credential.id, "achievementName": credential.achievementName, "issuerName": credential.issuerName,
            "issuedOn": credential.issuedOn, "status": credential.status.rawValue, "statusLabel": statusLabel(credential.status),
        ]
        if let validUntil = credential.validUntil { fields["validUntil"] = validUntil }
        if let holderName = credential.holderName, !holderName.isEmpty { fields["holderName"] = holderName }
        let pageURL = Sitemap.absolute(baseURL, "credentials/\(credential.id)/")
        return ["credential": fields, "root": "../../", "pageURL": pageURL,
                "linkedInURL": linkedInURL(credential, pageURL: pageURL)]
    }

    static func statusLabel(_ status: PublishedCredential.Status) -> String {
        switch status {
        case .active: "Active"
        case .expired: "Expired"
        case .revoked: "Revoked"
        case .suspended: "Suspended"
        }
    }

    /// LinkedIn's "add a certification to your profile" address, built from the certificate's fields.
    static func linkedInURL(_ credential: PublishedCredential, pageURL: String) -> String {
        LinkedInLink.url(achievementName: credential.achievementName, issuerName: credential.issuerName,
                         issuedOn: credential.issuedOn, validUntil: credential.validUntil,
                         verificationURL: pageURL, credentialID: credential.id)
    }
}
