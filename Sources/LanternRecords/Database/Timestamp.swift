import Foundation

/// Times and dates as stored: UTC ISO 8601 text with milliseconds (`2026-11-20T09:30:00.000Z`)
/// and calendar dates (`2026-11-20`). Text sorts in time order and hashes the same everywhere.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    public static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text)
    }

    /// A calendar date `YYYY-MM-DD` that exists, or nil.
    public static func calendarDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month else { return nil }
        return text
    }

    /// Today's date in UTC as `YYYY-MM-DD`.
    public static func today(_ now: Date) -> String {
        String(string(now).prefix(10))
    }
}
