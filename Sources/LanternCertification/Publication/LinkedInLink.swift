import Foundation

/// LinkedIn's "add to profile" address for a certification, built from the credential's fields.
public enum LinkedInLink {
    /// The address from `yyyy-mm-dd` days (see `PublishableCredential.linkedInURL`).
    public static func url(achievementName: String, issuerName: String, issuedOn: String, validUntil: String?,
                           verificationURL: String, credentialID: String) -> String {
        var items: [(String, String)] = [("startTask", "CERTIFICATION_NAME"), ("name", achievementName),
                                         ("organizationName", issuerName)]
        if let (year, month) = yearMonth(issuedOn) {
            items += [("issueYear", year), ("issueMonth", month)]
        }
        if let validUntil, let (year, month) = yearMonth(validUntil) {
            items += [("expirationYear", year), ("expirationMonth", month)]
        }
        items += [("certUrl", verificationURL), ("certId", credentialID)]
        return "https://www.linkedin.com/profile/add?" + items.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    /// Year and month (without a leading zero) of a `yyyy-mm-dd` day.
    static func yearMonth(_ day: String) -> (String, String)? {
        let parts = day.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return (String(year), String(month))
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                // Not String(format:): Foundation's formatter was most of a certificate page's cost.
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
