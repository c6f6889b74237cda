/// Random identifiers: lower-case Crockford base-32 characters (no i, l, o, u), from the
/// system's secure random source. The one id generator: record ids (`qa-…`, `t-…`) and
/// certificate ids (`2026-…`) are built from it.
public enum RandomID {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// `count` random base-32 characters (5 random bits each).
    public static func base32(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(count)
        var bits: UInt64 = 0
        var available = 0
        for _ in 0..<count {
            if available < 5 {
                bits = generator.next()
                available = 64
            }
            text.append(alphabet[Int(bits & 31)])
            bits >>= 5
            available -= 5
        }
        return text
    }
}
