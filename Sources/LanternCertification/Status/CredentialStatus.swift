/// What the status list says about a credential. Lantern writes one list with 2-bit entries
/// (`statusPurpose: "message"`, Bitstring Status List §2.1): 0 valid, 1 revoked, 2 suspended,
/// and 3 — never written by Lantern — revoked (revocation is final, whatever else is set).
public enum CredentialStatus: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active = 0
    case revoked = 1
    case suspended = 2

    /// Bits per entry in Lantern's list.
    public static let statusSize = 2

    /// One `statusMessage` per value a 2-bit entry can hold (§2.1: "the number of status
    /// messages MUST equal the number of possible values"). Lantern's verifier reads a message
    /// beginning with `revoked` or `suspended` as that state, so 0x3 reads as revoked.
    public static let messages: [(value: Int, message: String)] = [
        (0, "valid"), (1, "revoked"), (2, "suspended"), (3, "revoked (value 3 is never set by Lantern; read as revoked)"),
    ]

    /// The `statusMessage` array, on the entry and on the list credential.
    public static var statusMessages: JSONValue {
        .array(messages.map { item in
            .object(JSONObject([("status", .string("0x\(String(item.value, radix: 16))")), ("message", .string(item.message))]))
        })
    }

    /// The word in `statusMessage`.
    public var message: String {
        switch self {
        case .active: return "valid"
        case .revoked: return "revoked"
        case .suspended: return "suspended"
        }
    }

    public var description: String { message }
}
