import Foundation
import LanternDiagnostics

/// Reads `curriculum/crisis-resources.yml` and warns about entries not checked for a year.
enum CrisisResourceReader {
    static let entryKeys = ["country", "service", "contact", "channels", "hours", "url", "source", "verified"]

    static func read(_ root: YAMLNode, today: Date, engine: DiagnosticsEngine) -> [CrisisResource] {
        guard let reader = YAMLMappingReader(root, context: "crisis-resources.yml", knownKeys: ["resources"], engine: engine),
              let items = reader.sequence("resources", required: true) else { return [] }
        var resources: [CrisisResource] = []
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
            let verified = entry.string("verified", required: true, example: "2026-10-01")
            if let url = entry.string("url"), let node = entry.value("url") {
                ConfigReader.checkWebAddress(url, key: "url", at: node, engine: engine)
            }
            if let verified, let node = entry.value("verified") {
                if let date = parseDate(verified) {
                    let days = Calendar(identifier: .gregorian).dateComponents([.day], from: date, to: today).day ?? 0
                    if days > 365 {
                        engine.warning("stale-crisis-resource", "'\(service ?? "this entry")' was last verified on \(verified), more than a year ago",
                                       at: node.location, hint: "check the service's own website, then update 'verified'")
                    } else if days < -1 {
                        engine.error("invalid-value", "'verified' is in the future (\(verified))", at: node.location)
                    }
                } else {
                    engine.error("invalid-value", "'verified' should be a date written YYYY-MM-DD, not '\(verified)'", at: node.location)
                }
            }
            if let country, let service, let contact, let source, let verified {
                resources.append(CrisisResource(country: country, service: service, contact: contact, channels: channels,
                                                hours: entry.string("hours"), url: entry.string("url"),
                                                source: source, verified: verified))
            }
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
