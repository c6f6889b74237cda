import Foundation
import LanternCertification

/// The context of `credentials/<id>/index.html`: only what `PublishableCredential` holds.
enum CredentialPage {
    static func context(_ credential: PublishableCredential, baseURL: String) -> TemplateValue {
        var fields: TemplateValue = [
            "id": .string(credential.id), "achievementName": .string(credential.achievementName),
            "issuerName": .string(credential.issuerName), "issuedOn": .string(credential.issuedOn),
            "status": .string(credential.status.rawValue), "statusLabel": .string(statusLabel(credential.status)),
        ]
        if let validUntil = credential.validUntil { fields["validUntil"] = .string(validUntil) }
        if let holderName = credential.holderName, !holderName.isEmpty { fields["holderName"] = .string(holderName) }
        let pageURL = Sitemap.absolute(baseURL, "credentials/\(credential.id)/")
        return ["credential": fields, "root": "../../", "pageURL": .string(pageURL),
                "linkedInURL": .string(credential.linkedInURL(verificationURL: pageURL))]
    }

    static func statusLabel(_ status: PublishableCredential.Status) -> String {
        switch status {
        case .active: "Active"
        case .expired: "Expired"
        case .revoked: "Revoked"
        case .suspended: "Suspended"
        }
    }
}
