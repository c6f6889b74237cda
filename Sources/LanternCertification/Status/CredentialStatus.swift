/// What the status list says about a credential. Lantern writes one list with 2-bit entries
/// (`statusPurpose: "message"`): 0 valid, 1 revoked, 2 suspended.
public enum CredentialStatus: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active = 0
    case revoked = 1
    case suspended = 2

    /// Bits per entry in Lantern's list.
    public static let statusSize = 2

    /// The `statusMessage` a BitstringStatusListEntry carries when `statusSize` is above 1.
    public static var statusMessages: JSONValue {
        .array(allCases.map { status in
            ["status": .string("0x\(String(status.rawValue, radix: 16))"), "message": .string(status.message)]
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
