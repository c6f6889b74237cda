extension Fraction {
    /// The value as a percentage number without the sign, for writing files: `50`, `12.5`,
    /// `-100`, `33.33333` (five decimals at most; reading snaps such values back to thirds etc.).
    var percentLiteral: String {
        let hundredTimes = self * Fraction(100)
        if hundredTimes.denominator == 1 { return "\(hundredTimes.numerator)" }
        let scaled = (hundredTimes * Fraction(100_000)).doubleValue.rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        var decimals = String(magnitude % 100_000)
        decimals = String(repeating: "0", count: 5 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        let whole = magnitude / 100_000
        return (negative ? "-" : "") + "\(whole)" + (decimals.isEmpty ? "" : ".\(decimals)")
    }
}
