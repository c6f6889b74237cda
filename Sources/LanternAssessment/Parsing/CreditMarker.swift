import Foundation

/// The `[x]`, `[ ]`, `[50%]` marker at the start of an option.
enum CreditMarker: Hashable {
    case correct
    case wrong
    case explicit(Fraction)

    /// Splits `[x] text` into the marker and the rest. Returns nil when the text does not start
    /// with a bracketed marker; `.failure` carries the bracket's content when it is not a valid marker.
    static func split(_ text: String) -> (marker: Result<CreditMarker, MarkerError>, rest: String)? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
        let inside = String(text[text.index(after: text.startIndex)..<close])
        let rest = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        switch inside.lowercased() {
        case "x": return (.success(.correct), rest)
        case " ", "": return (.success(.wrong), rest)
        default:
            if let value = parsePercent(inside) { return (.success(.explicit(value)), rest) }
            return (.failure(MarkerError(text: inside)), rest)
        }
    }

    struct MarkerError: Error, Hashable { var text: String }

    /// `50%`, `-100%`, `33.33333%` as an exact fraction of 1. Three or more decimals that
    /// round a simple fraction (thirds, sixths, sevenths…) mean that fraction exactly, so
    /// `[33.33333%]` three times adds up to 100%.
    static func parsePercent(_ written: String) -> Fraction? {
        var text = written.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix("%") else { return nil }
        text.removeLast()
        text = text.trimmingCharacters(in: .whitespaces)
        guard let (value, decimals) = exactDecimal(text) else { return nil }
        let fraction = value / Fraction(100)
        guard fraction >= Fraction(-1), fraction <= .one else { return nil }
        return decimals >= 3 ? snap(fraction) : fraction
    }

    /// A decimal number as an exact fraction, and how many decimals it had.
    static func exactDecimal(_ text: String) -> (Fraction, Int)? {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.joined().count <= 15 else { return nil }
        let whole = Int64(parts[0]) ?? 0
        var value = Fraction(whole)
        var decimals = 0
        if parts.count == 2, !parts[1].isEmpty {
            decimals = parts[1].count
            var scale: Int64 = 1
            for _ in 0..<decimals { scale *= 10 }
            value = value + Fraction(Int64(parts[1]) ?? 0, scale)
        }
        return (negative ? -value : value, decimals)
    }

    /// The simple fraction k/n (n ≤ 12) within 0.001 percentage points of `value`, or `value` itself.
    static func snap(_ value: Fraction) -> Fraction {
        for n in Int64(2)...12 {
            let k = (value.doubleValue * Double(n)).rounded()
            let candidate = Fraction(Int64(k), n)
            if abs(candidate.doubleValue - value.doubleValue) <= 0.00001 { return candidate }
        }
        return value
    }
}
