import Foundation
import LanternCertification
import Testing

@Suite struct EncodingTests {
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func base64URLMatchesRFC4648(plain: String, encoded: String) {
        #expect(Base64URL.encode(plain) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func base64URLUsesTheURLAlphabetAndRefusesOthers() {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64URL.decode("+/8") == nil)
        #expect(Base64URL.decode("Zg==") == nil)
        #expect(Base64URL.decode("Z") == nil)
        #expect(Base64URL.decode("Zh") == nil, "non-zero trailing bits are not canonical")
    }

    @Test func jsonRoundTripsAndEscapesForHTML() throws {
        let value: JSONValue = ["a": "x\"y\\z\n</script>&\u{2028}é😀", "b": [1, true, .null, .double(2.5)], "c": ["d": -3]]
        let text = value.serialized
        #expect(text.contains("\\u003c/script\\u003e\\u0026\\u2028"))
        #expect(try JSONParser.parse(text) == value)
        #expect(try JSONParser.parse(value.prettySerialized) == value)
        #expect(try JSONParser.parse(#"{"k":"\ud83d\ude00 \u00e9"}"#)["k"]?.stringValue == "😀 é")
    }

    @Test(arguments: [#"{"a":1,"a":2}"#, "[1,]", "{\"a\" 1}", "01", "\"\\x\"", "\"\u{01}\"", "[1] 2", #""\ud800""#, "nul", "-", "1.e5"])
    func jsonParserRejects(text: String) {
        #expect(throws: (any Error).self) { try JSONParser.parse(text) }
    }

    @Test func datesNeedATimeZone() {
        #expect(CredentialDate.parse("2026-03-01T09:30:00Z") != nil)
        #expect(CredentialDate.parse("2026-03-01T09:30:00.250+02:00")?.timeIntervalSince1970 == CredentialDate.parse("2026-03-01T07:30:00.250Z")?.timeIntervalSince1970)
        #expect(CredentialDate.parse("2026-03-01T09:30:00") == nil)
        #expect(CredentialDate.parse("2026-02-30T09:30:00Z") == nil)
        let date = CredentialDate.parse("2024-02-29T12:00:00Z")!
        #expect(CredentialDate.format(date) == "2024-02-29T12:00:00Z")
        #expect(CredentialDate.format(CredentialDate.adding(2, .years, to: date)) == "2026-02-28T12:00:00Z")
        #expect(CredentialDate.format(CredentialDate.adding(1, .months, to: date)) == "2024-03-29T12:00:00Z")
    }
}

@Suite struct DuplicateMemberTests {
    @Test(arguments: [2, 15, 16, 17, 40])
    func duplicatesAreFoundInObjectsOfAnySize(size: Int) {
        let members = (0..<size).map { "\"k\($0)\":\($0)" }
        #expect(throws: Never.self) { try JSONParser.parse("{" + members.joined(separator: ",") + "}") }
        #expect(throws: (any Error).self) { try JSONParser.parse("{" + (members + ["\"k0\":9"]).joined(separator: ",") + "}") }
        #expect(throws: (any Error).self) { try JSONParser.parse("{" + (members + ["\"k\(size - 1)\":9"]).joined(separator: ",") + "}") }
    }
}
