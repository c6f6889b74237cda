import Foundation

/// XML Schema / RFC 3339 date-times as credentials write them: `2025-03-01T09:30:00Z`.
/// Parsing insists on a time zone (`Z` or `±hh:mm`), as VC 2.0 requires.
public enum CredentialDate {
    /// `yyyy-mm-ddThh:mm:ssZ` in UTC, whole seconds.
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let (year, month, day) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// `yyyy-mm-dd` in UTC.
    public static func formatDay(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// The instant, or nil when the text is not a date-time with a time zone.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for byte in b[from..<(from + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard b.count >= 20, let year = number(0, 4), b[4] == UInt8(ascii: "-"), let month = number(5, 2),
              b[7] == UInt8(ascii: "-"), let day = number(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let hour = number(11, 2), b[13] == UInt8(ascii: ":"), let minute = number(14, 2),
              b[16] == UInt8(ascii: ":"), let second = number(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                fraction += Double(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        var offset = 0
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            index += 1
        } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
            let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(index + 1, 2), index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"),
                  let minutes = number(index + 4, 2), hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `yyyy-mm-dd` as midnight UTC.
    public static func parseDay(_ text: String) -> Date? {
        parse(text + "T00:00:00Z")
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-from-days algorithms.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension CredentialDate {
    /// `date` moved on by a period in calendar terms (UTC): months and years keep the day of month
    /// where it exists and clamp to the month's last day otherwise.
    public static func adding(_ amount: Int, _ unit: PeriodUnit, to date: Date) -> Date {
        switch unit {
        case .days: return date.addingTimeInterval(Double(amount) * 86_400)
        case .weeks: return date.addingTimeInterval(Double(amount) * 7 * 86_400)
        case .months, .years:
            let months = unit == .years ? amount * 12 : amount
            let seconds = Int(date.timeIntervalSince1970.rounded(.down))
            var days = seconds / 86_400
            var rest = seconds % 86_400
            if rest < 0 { rest += 86_400; days -= 1 }
            let (year, month, day) = civil(fromDays: days)
            let total = year * 12 + (month - 1) + months
            let newYear = total / 12
            let newMonth = total % 12 + 1
            let newDay = min(day, daysIn(month: newMonth, year: newYear))
            return Date(timeIntervalSince1970: Double(daysFromCivil(year: newYear, month: newMonth, day: newDay) * 86_400 + rest))
        }
    }

    public enum PeriodUnit: Sendable { case days, weeks, months, years }
}
