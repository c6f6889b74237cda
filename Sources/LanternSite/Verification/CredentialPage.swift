import Foundation

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
        var items = [("startTask", "CERTIFICATION_NAME"), ("name", credential.achievementName),
                     ("organizationName", credential.issuerName)]
        if let (year, month) = yearMonth(credential.issuedOn) {
            items += [("issueYear", year), ("issueMonth", month)]
        }
        if let validUntil = credential.validUntil, let (year, month) = yearMonth(validUntil) {
            items += [("expirationYear", year), ("expirationMonth", month)]
        }
        items += [("certUrl", pageURL), ("certId", credential.id)]
        let query = items.map { "\($0.0)=\(percentEncode($0.1))" }.joined(separator: "&")
        return "https://www.linkedin.com/profile/add?" + query
    }

    static func yearMonth(_ date: String) -> (String, String)? {
        let parts = date.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return (String(year), String(month))
    }

    static func percentEncode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
