/// Learning time in words: `45 minutes`, `1 hour`, `7 hours 30 minutes`.
enum Duration {
    static func text(minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        let hourText = hours == 1 ? "1 hour" : "\(hours) hours"
        let minuteText = rest == 1 ? "1 minute" : "\(rest) minutes"
        if hours == 0 { return minuteText }
        return rest == 0 ? hourText : hourText + " " + minuteText
    }
}
