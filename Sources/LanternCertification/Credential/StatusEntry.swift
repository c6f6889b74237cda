/// Where a credential's status lives: an index in the issuer's Bitstring Status List.
public struct StatusEntry: Sendable, Hashable {
    public var listURL: String
    public var index: Int

    public init(listURL: String, index: Int) {
        self.listURL = listURL
        self.index = index
    }

    /// A random index in `0..<size` that is not in `taken` (so indexes reveal no order).
    public static func randomIndex(size: Int = Bitstring.minimumEntries, avoiding taken: Set<Int>) -> Int? {
        guard taken.count < size else { return nil }
        var generator = SystemRandomNumberGenerator()
        while true {
            let candidate = Int.random(in: 0..<size, using: &generator)
            if !taken.contains(candidate) { return candidate }
        }
    }

    var json: JSONValue {
        .object(JSONObject([
            ("id", .string("\(listURL)#\(index)")),
            ("type", "BitstringStatusListEntry"),
            ("statusPurpose", "message"),
            ("statusListIndex", .string(String(index))),
            ("statusListCredential", .string(listURL)),
            ("statusSize", .int(CredentialStatus.statusSize)),
            ("statusMessage", CredentialStatus.statusMessages),
        ]))
    }
}
