import LanternDiagnostics

/// A W3C Bitstring Status List: entries of `statusSize` bits, index 0 at the most significant
/// bit of the first byte, GZIP-compressed and written as a multibase base64url (`u…`) string.
public struct Bitstring: Sendable, Hashable {
    /// The spec's minimum: 131,072 entries, so one list reveals little about any holder.
    public static let minimumEntries = 131_072

    public private(set) var bytes: [UInt8]
    public let statusSize: Int

    public init(entries: Int = Bitstring.minimumEntries, statusSize: Int = 1) {
        precondition(statusSize >= 1 && statusSize <= 8)
        self.statusSize = statusSize
        bytes = [UInt8](repeating: 0, count: (max(entries, Self.minimumEntries) * statusSize + 7) / 8)
    }

    /// Decodes an `encodedList`.
    public init(encoded: String, statusSize: Int = 1) throws(LanternError) {
        guard (1...8).contains(statusSize) else { throw LanternError(.statusList, "statusSize \(statusSize) is not between 1 and 8") }
        guard encoded.hasPrefix("u"), let compressed = Base64URL.decode(encoded.dropFirst()) else {
            throw LanternError(.statusList, "encodedList is not multibase base64url (it must start with 'u')")
        }
        bytes = try Gzip.decompress(compressed)
        self.statusSize = statusSize
    }

    /// How many entries the list holds.
    public var count: Int { bytes.count * 8 / statusSize }

    public subscript(index: Int) -> Int {
        get {
            var value = 0
            for bit in (index * statusSize)..<((index + 1) * statusSize) {
                value = value << 1 | Int((bytes[bit / 8] >> (7 - UInt8(bit % 8))) & 1)
            }
            return value
        }
        set {
            var remaining = newValue
            for bit in ((index * statusSize)..<((index + 1) * statusSize)).reversed() {
                let mask = UInt8(1) << (7 - UInt8(bit % 8))
                if remaining & 1 == 1 { bytes[bit / 8] |= mask } else { bytes[bit / 8] &= ~mask }
                remaining >>= 1
            }
        }
    }

    /// The `encodedList` value: `u` + base64url(gzip(bytes)). Throws when compression fails,
    /// so an empty list is never signed.
    public func encoded() throws(LanternError) -> String {
        "u" + Base64URL.encode(try Gzip.compress(bytes))
    }
}
