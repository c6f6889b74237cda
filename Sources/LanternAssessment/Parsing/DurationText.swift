import Foundation

/// Durations such as `30m`, `90s`, `1h`, `1h30m`, `45 minutes`, `2d`, as seconds.
enum DurationText {
    static func seconds(_ written: String, maximum: Int = 7 * 24 * 3600) -> Int? {
        let text = written.lowercased().replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty else { return nil }
        var total = 0
        var digits = ""
        var index = text.startIndex
        var sawUnit = false
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                digits.append(character)
                index = text.index(after: index)
                continue
            }
            var unit = ""
            while index < text.endIndex, text[index].isLetter {
                unit.append(text[index])
                index = text.index(after: index)
            }
            guard let amount = Int(digits), amount >= 0 else { return nil }
            let factor: Int
            switch unit {
            case "s", "sec", "secs", "second", "seconds": factor = 1
            case "m", "min", "mins", "minute", "minutes": factor = 60
            case "h", "hr", "hrs", "hour", "hours": factor = 3600
            case "d", "day", "days": factor = 24 * 3600
            default: return nil
            }
            total += amount * factor
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit, total > 0, total <= maximum else { return nil }
        return total
    }
}
