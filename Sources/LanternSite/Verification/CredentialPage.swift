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

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
