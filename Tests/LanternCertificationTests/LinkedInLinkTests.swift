import Foundation
@testable import LanternCertification
import Testing

@Suite("LinkedIn add-to-profile link")
struct LinkedInLinkTests {
    @Test("percent-encoding keeps only unreserved characters, with upper-case hex, for every byte")
    func encoding() {
        let everyScalar = String(decoding: (1...0x7F).map { UInt8($0) }, as: UTF8.self) + "é 日本 🙂 a+b&c=d"
        var expected = ""
        for byte in everyScalar.utf8 {
            let unreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            expected += unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        #expect(LinkedInLink.encode(everyScalar) == expected)
        #expect(LinkedInLink.encode("Peer Support Worker") == "Peer%20Support%20Worker")
    }

    @Test("the link carries the name, issuer, dates and verification page")
    func link() {
        let url = LinkedInLink.url(achievementName: "Peer Support Worker", issuerName: "Harbour & Co", issuedOn: "2026-03-05",
                                   validUntil: "2028-03-05", verificationURL: "https://x.org/credentials/c-1/", credentialID: "c-1")
        #expect(url == "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Peer%20Support%20Worker"
            + "&organizationName=Harbour%20%26%20Co&issueYear=2026&issueMonth=3&expirationYear=2028&expirationMonth=3"
            + "&certUrl=https%3A%2F%2Fx.org%2Fcredentials%2Fc-1%2F&certId=c-1")
    }
}
