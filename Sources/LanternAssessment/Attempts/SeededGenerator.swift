/// SplitMix64: a small, fast random generator whose whole state is its seed, so an attempt's
/// shuffles can be replayed exactly from the recorded seed on any machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A permutation of `0..<count` (Fisher–Yates with this generator; the standard library's
    /// `shuffle` is not guaranteed to stay the same between Swift versions).
    public mutating func permutation(_ count: Int) -> [Int] {
        var values = Array(0..<count)
        guard count > 1 else { return values }
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            values.swapAt(index, other)
        }
        return values
    }
}
