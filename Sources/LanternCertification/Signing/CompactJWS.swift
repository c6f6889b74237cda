import LanternDiagnostics

/// A compact JWS (`header.payload.signature`) split and decoded, nothing verified yet.
public struct CompactJWS: Sendable {
    public let header: JSONObject
    public let payload: JSONValue
    /// `header.payload` as sent: the bytes the signature covers.
    public let signingInput: [UInt8]
    public let signature: [UInt8]

    /// Splits and decodes `text`; fails on anything that is not three base64url parts with JSON
    /// objects in the first two.
    public init(parsing text: String) throws(LanternError) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { bytes.removeLast() }
        let leading = bytes.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.count
        var parts: [ArraySlice<UInt8>] = []
        var start = leading
        for index in leading..<bytes.count where bytes[index] == UInt8(ascii: ".") {
            parts.append(bytes[start..<index])
            start = index + 1
            if parts.count > 3 { break }
        }
        parts.append(bytes[start..<bytes.count])
        guard parts.count == 3 else {
            throw LanternError(.jwsFormat, "not a compact JWS: expected 3 dot-separated parts, found \(parts.count)")
        }
        guard let headerBytes = Base64URL.decode(bytes: parts[0]) else { throw LanternError(.jwsFormat, "the JWS header is not base64url") }
        guard let payloadBytes = Base64URL.decode(bytes: parts[1]) else { throw LanternError(.jwsFormat, "the JWS payload is not base64url") }
        guard let signature = Base64URL.decode(bytes: parts[2]) else { throw LanternError(.jwsFormat, "the JWS signature is not base64url") }
        guard let header = try JSONParser.parse(headerBytes, path: "JWS header").objectValue else {
            throw LanternError(.jwsFormat, "the JWS header is not a JSON object")
        }
        self.header = header
        payload = try JSONParser.parse(payloadBytes, path: "JWS payload")
        signingInput = Array(parts[0]) + [UInt8(ascii: ".")] + Array(parts[1])
        self.signature = signature
    }

    /// Signs `payload` with ES256: returns the compact serialization.
    public static func sign(payload: JSONValue, key: SigningKey, kid: String, type: String) throws -> String {
        let header: JSONValue = .object(JSONObject([("alg", "ES256"), ("kid", .string(kid)), ("typ", .string(type))]))
        let input = Base64URL.encode(header.serializedBytes) + "." + Base64URL.encode(payload.serializedBytes)
        let signature = try key.sign(Array(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }

    public var algorithm: String? { header["alg"]?.stringValue }
    public var keyID: String? { header["kid"]?.stringValue }
    public var type: String? { header["typ"]?.stringValue }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        // By scalars, not Characters: "\r\n" is one Character, so a set written " \t\r\n" would
        // otherwise not trim a lone "\n".
        let trimmed = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, trimmed.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, trimmed.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
