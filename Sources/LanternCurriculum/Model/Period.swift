/// A length of time written as a number and a unit: `730d`, `8w`, `24m`, `2y`.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable { case days = "d", weeks = "w", months = "m", years = "y" }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `2y`, `24m`, `8w`, `730d` (spaces and long unit names such as `2 years` allowed).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let amount = Int(digits), amount > 0 else { return nil }
        let rest = trimmed.dropFirst(digits.count).trimmingCharacters(in: " \t").lowercased()
        switch rest {
        case "d", "day", "days": unit = .days
        case "w", "week", "weeks": unit = .weeks
        case "m", "month", "months": unit = .months
        case "y", "year", "years": unit = .years
        default: return nil
        }
        self.amount = amount
    }

    public var description: String { "\(amount)\(unit.rawValue)" }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        // By scalars, not Characters: "\r\n" is one Character, so a set written " \t\r\n" would
        // otherwise not trim a lone "\n".
        let trimmed = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, trimmed.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, trimmed.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
