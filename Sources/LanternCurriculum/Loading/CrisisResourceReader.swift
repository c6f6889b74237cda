import Foundation
import LanternDiagnostics

/// Reads `curriculum/crisis-resources.yml`: warns about entries whose source or live check is
/// more than a year old, and notes (to trainers running `lantern check`) every entry no person
/// has checked against the live service (`crisis-live-check-due`).
enum CrisisResourceReader {
    static let entryKeys = ["country", "service", "contact", "channels", "hours", "url", "source", "source_date", "live_checked", "verified"]

    static func read(_ root: YAMLNode, today: Date, engine: DiagnosticsEngine) -> [CrisisResource] {
        guard let reader = YAMLMappingReader(root, context: "crisis-resources.yml", knownKeys: ["resources"], engine: engine),
              let items = reader.sequence("resources", required: true) else { return [] }
        var resources: [CrisisResource] = []
        var unchecked: [(String, SourceLocation)] = []
        for item in items {
            guard let entry = YAMLMappingReader(item, context: "crisis resource", knownKeys: entryKeys, engine: engine) else { continue }
            let country = entry.string("country", required: true, example: "US")
            if let country, let node = entry.value("country"),
               !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
                engine.error("invalid-value", "'country' should be a two-letter country code such as US, GB or AU, not '\(country)'",
                             at: node.location)
            }
            let service = entry.string("service", required: true, example: "988 Suicide & Crisis Lifeline")
            let contact = entry.string("contact", required: true, example: "Call or text 988")
            let channels = (entry.stringList("channels") ?? []).map(\.0)
            let source = entry.string("source", required: true, example: "https://988lifeline.org/")
            // `verified` (older workspaces) is read as the live check and, without `source_date`, as the source's date.
            let verified = entry.string("verified")
            let sourceDate = entry.string("source_date", required: verified == nil, example: "2026-10-01") ?? verified
            let liveChecked = entry.string("live_checked") ?? verified
            if let url = entry.string("url"), let node = entry.value("url") {
                ConfigReader.checkWebAddress(url, key: "url", at: node, engine: engine)
            }
            for key in ["source_date", "live_checked", "verified"] {
                guard let text = entry.string(key), let node = entry.value(key) else { continue }
                guard let date = parseDate(text) else {
                    engine.error("invalid-value", "'\(key)' should be a date written YYYY-MM-DD, not '\(text)'", at: node.location)
                    continue
                }
                let days = Calendar(identifier: .gregorian).dateComponents([.day], from: date, to: today).day ?? 0
                if days < -1 {
                    engine.error("invalid-value", "'\(key)' is in the future (\(text))", at: node.location)
                } else if days > 365, key != "source_date" || liveChecked == nil {
                    let what = key == "source_date" ? "its source was last read on" : "it was last checked on"
                    engine.warning("stale-crisis-resource", "'\(service ?? "this entry")': \(what) \(text), more than a year ago",
                                   at: node.location, hint: "check the service's own website (or call it), then update '\(key)'")
                }
            }
            if let country, let service, let contact, let source, let sourceDate {
                resources.append(CrisisResource(country: country, service: service, contact: contact, channels: channels,
                                                hours: entry.string("hours"), url: entry.string("url"),
                                                source: source, sourceDate: sourceDate, liveChecked: liveChecked))
                if liveChecked == nil { unchecked.append(("\(service) (\(country))", entry.node.location)) }
            }
        }
        if let first = unchecked.first {
            engine.emit(Diagnostic(.note, "crisis-live-check-due",
                                   "\(Wording.count(unchecked.count, "crisis line")) not yet checked live by a person: \(unchecked.map(\.0).joined(separator: "; "))",
                                   at: first.1, hint: "before a cohort relies on them, call, text or open each service, then add 'live_checked: YYYY-MM-DD' to its entry"))
        }
        return resources
    }

    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}
