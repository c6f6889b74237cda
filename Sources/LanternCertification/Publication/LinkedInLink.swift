import Foundation

/// LinkedIn's "add to profile" address for a certification, built from the credential's fields.
public enum LinkedInLink {
    public static func url(achievementName: String, issuerName: String, issued: Date, validUntil: Date?,
                           verificationURL: String, credentialID: String) -> String {
        func part(_ date: Date) -> (String, String) {
            let day = CredentialDate.formatDay(date)
            return (String(day.prefix(4)), String(Int(day.dropFirst(5).prefix(2)) ?? 1))
        }
        var items: [(String, String)] = [("startTask", "CERTIFICATION_NAME"), ("name", achievementName),
                                         ("organizationName", issuerName)]
        let (issueYear, issueMonth) = part(issued)
        items += [("issueYear", issueYear), ("issueMonth", issueMonth)]
        if let validUntil {
            let (year, month) = part(validUntil)
            items += [("expirationYear", year), ("expirationMonth", month)]
        }
        items += [("certUrl", verificationURL), ("certId", credentialID)]
        return "https://www.linkedin.com/profile/add?" + items.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
