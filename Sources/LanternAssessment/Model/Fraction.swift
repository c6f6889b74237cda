import LanternDiagnostics
/// An exact fraction (numerator ÷ denominator, always reduced, denominator positive).
///
/// Credits and scores are fractions, never floating point, so that adding up a quiz gives
/// exactly what a person would work out on paper. JSON form: a string such as `"1/3"`, `"1"`, `"-1/2"`.
public struct Fraction: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public static let zero = Fraction(0)
    public static let one = Fraction(1)

    public init(_ whole: Int64) {
        numerator = whole
        denominator = 1
    }

    /// `numerator / denominator`, reduced. A zero denominator gives zero.
    public init(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else {
            self.numerator = 0
            self.denominator = 1
            return
        }
        let divisor = Fraction.gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator / Int64(divisor)
        var d = denominator / Int64(divisor)
        if d < 0 { n = -n; d = -d }
        self.numerator = n
        self.denominator = d
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    public static func + (lhs: Fraction, rhs: Fraction) -> Fraction {
        let g = Int64(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let l = lhs.denominator / g
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator / g)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: l)
        let (d, o3) = l.multipliedReportingOverflow(by: rhs.denominator)
        let (n, o4) = a.addingReportingOverflow(b)
        if o1 || o2 || o3 || o4 { return Fraction(approximating: lhs.doubleValue + rhs.doubleValue) }
        return Fraction(n, d)
    }

    public static prefix func - (value: Fraction) -> Fraction { Fraction(-value.numerator, value.denominator) }
    public static func - (lhs: Fraction, rhs: Fraction) -> Fraction { lhs + -rhs }

    public static func * (lhs: Fraction, rhs: Fraction) -> Fraction {
        let g1 = Int64(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let g2 = Int64(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        let (n, o1) = (lhs.numerator / g1).multipliedReportingOverflow(by: rhs.numerator / g2)
        let (d, o2) = (lhs.denominator / g2).multipliedReportingOverflow(by: rhs.denominator / g1)
        if o1 || o2 { return Fraction(approximating: lhs.doubleValue * rhs.doubleValue) }
        return Fraction(n, d)
    }

    /// Division; dividing by zero gives zero.
    public static func / (lhs: Fraction, rhs: Fraction) -> Fraction {
        guard rhs.numerator != 0 else { return .zero }
        return lhs * Fraction(rhs.denominator, rhs.numerator)
    }

    public static func += (lhs: inout Fraction, rhs: Fraction) { lhs = lhs + rhs }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        if o1 || o2 { return lhs.doubleValue < rhs.doubleValue }
        return a < b
    }

    /// Only used when exact arithmetic would overflow 64 bits (never for real quizzes):
    /// the nearest fraction with denominator 10⁹.
    init(approximating value: Double) {
        let scaled = (value * 1_000_000_000).rounded()
        self.init(Int64(exactly: scaled) ?? 0, 1_000_000_000)
    }

    /// The value clamped to 0…1.
    public var clampedToUnit: Fraction { min(max(self, .zero), .one) }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// As a percentage for people, by the one rule of `Wording.percent`: `100%`, `50%`,
    /// `33.3%` (one decimal at most, rounded down).
    public var percentText: String { Wording.percent(doubleValue) }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// Parses `"3"`, `"-1/2"` (the JSON form).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1, let whole = Int64(parts[0]) {
            self.init(whole)
        } else if parts.count == 2, let n = Int64(parts[0]), let d = Int64(parts[1]), d > 0 {
            self.init(n, d)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Fraction(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a fraction such as 1/3")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
