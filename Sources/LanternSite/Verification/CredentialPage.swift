import Foundation
import LanternCertification

/// The context of `credentials/<id>/index.html`: only what `PublishableCredential` holds.
enum CredentialPage {
    static func context(_ credential: PublishableCredential, baseURL: String, keysPublished: Bool = true) -> TemplateValue {
        var fields: TemplateValue = [
            "id": .string(credential.id), "achievementName": .string(credential.achievementName),
            "issuerName": .string(credential.issuerName), "issuedOn": .string(credential.issuedOn),
            "status": .string(credential.status.rawValue), "statusLabel": .string(statusLabel(credential.status)),
        ]
        if let validUntil = credential.validUntil { fields["validUntil"] = .string(validUntil) }
        if let holderName = credential.holderName, !holderName.isEmpty { fields["holderName"] = .string(holderName) }
        if let statusDate = credential.statusDate { fields["statusDate"] = .string(statusDate) }
        if let notice = statusNotice(credential.status) { fields["statusNotice"] = .string(notice) }
        let pageURL = Sitemap.absolute(baseURL, "credentials/\(credential.id)/")
        var context: TemplateValue = ["credential": fields, "root": "../../", "pageURL": .string(pageURL)]
        if keysPublished { context["keysPublished"] = true }
        // "Add to LinkedIn" only for a certificate in force: never for revoked, suspended or expired.
        if credential.status == .active { context["linkedInURL"] = .string(credential.linkedInURL(verificationURL: pageURL)) }
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        if let achievement = credential.achievementID, achievement.hasPrefix(base) {
            context["achievementPage"] = .string("../../" + achievement.dropFirst(base.count))
        }
        return context
    }

    /// What the page says first when the certificate is not in force.
    static func statusNotice(_ status: PublishableCredential.Status) -> String? {
        switch status {
        case .active: nil
        case .expired: "This certificate has expired. It was genuine, but it no longer certifies current competence."
        case .revoked: "The issuer has revoked this certificate. Do not rely on it."
        case .suspended: "The issuer has suspended this certificate. Do not rely on it while it is suspended."
        }
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
