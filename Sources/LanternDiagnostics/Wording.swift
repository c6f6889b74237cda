/// Numbers and counts in words for people, one rule everywhere (the learner, `progress`,
/// `quiz take`, reports, certificate status).
///
/// Percentages: at most one decimal, rounded **down**, trailing `.0` dropped (`4.7%`, `78.5%`,
/// `80%`). Rounded down so a score never reads as more than it is: 79.96% shows as `79.9%`,
/// never as a pass mark of `80%` it did not reach.
public enum Wording {
    /// A fraction 0…1 as a percentage: `0.0476` → `4.7%`, `0.7857` → `78.5%`, `1` → `100%`.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        let tenths = (fraction * 1000 + 1e-9).rounded(.down)
        let whole = Int(tenths / 10)
        let decimal = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return decimal == 0 ? "\(sign)\(whole)%" : "\(sign)\(whole).\(decimal)%"
    }

    /// Hours as logged: `3`, `2.5`, `1.25` (two decimals at most, trailing zeros dropped).
    public static func hours(_ value: Double) -> String {
        var text = String(Int((value * 100).rounded()) / 100)
        let hundredths = Int((value * 100).rounded()) % 100
        if hundredths != 0 {
            text += hundredths % 10 == 0 ? ".\(hundredths / 10)" : (hundredths < 10 ? ".0\(hundredths)" : ".\(hundredths)")
        }
        return text
    }

    /// A count with its noun, singular or plural: `1 trainee`, `6 trainees`, `2 quiz attempts`.
    /// `plural` defaults to the noun plus "s" (or "es" after s, x, ch, sh).
    public static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        if number == 1 { return "1 \(noun)" }
        if let plural { return "\(number) \(plural)" }
        let suffix = ["s", "x", "ch", "sh"].contains { noun.hasSuffix($0) } ? "es" : "s"
        return "\(number) \(noun)\(suffix)"
    }
}
