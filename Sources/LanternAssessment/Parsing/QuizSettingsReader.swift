import Foundation
import LanternCurriculum
import LanternDiagnostics

/// Reads a quiz's front matter into `QuizSettings`, reporting unknown keys and bad values.
enum QuizSettingsReader {
    static let knownKeys = ["id", "kind", "module", "title", "pass", "attempts", "grading", "shuffle", "draw",
                            "time_limit", "feedback", "bands", "all_or_nothing", "wait", "scope", "after"]

    /// Where the parts of a draw rule were written, so `lantern check` can point at the one
    /// the bank cannot satisfy.
    struct DrawLocations {
        var draw: SourceLocation?
        var count: SourceLocation?
        var perOutcome: SourceLocation?
        var perTag: [String: SourceLocation] = [:]
    }

    static func read(_ reader: YAMLMappingReader, engine: DiagnosticsEngine) -> (QuizSettings, DrawLocations) {
        var pass = Fraction(4, 5)
        if let text = reader.string("pass", required: true, example: "80%") {
            if let value = percent(text), value >= .zero, value <= .one {
                pass = value
            } else {
                engine.error("invalid-value", "'pass' should be a percentage such as 80%, not '\(text)'",
                             at: reader.value("pass")?.location ?? reader.location(of: "pass"), hint: "for example 'pass: 80%'")
            }
        }
        let attempts = reader.int("attempts", in: 0...1000, example: "3") ?? 0
        var combining = QuizSettings.Combining.highest
        if let text = reader.string("grading") {
            if let value = QuizSettings.Combining(rawValue: text) { combining = value } else {
                engine.error("invalid-value", "'grading' should be highest, average, first or last, not '\(text)'",
                             at: reader.value("grading")?.location ?? reader.location(of: "grading"),
                             hint: Suggestions.didYouMean(text, in: QuizSettings.Combining.allCases.map(\.rawValue)))
            }
        }
        let shuffle = reader.bool("shuffle") ?? false
        let allOrNothing = reader.bool("all_or_nothing") ?? false
        let (draw, drawLocations) = readDraw(reader, engine: engine)
        var wait: Int?
        if let text = reader.string("wait") {
            wait = DurationText.seconds(text, maximum: 365 * 24 * 3600)
            if wait == nil {
                engine.error("invalid-value", "'wait' should be a time such as 24h, 2d or 30m, not '\(text)'",
                             at: reader.value("wait")?.location ?? reader.location(of: "wait"), hint: "for example 'wait: 24h'")
            }
        }
        var timeLimit: Int?
        if let text = reader.string("time_limit") {
            timeLimit = DurationText.seconds(text)
            if timeLimit == nil {
                engine.error("invalid-value", "'time_limit' should be a time such as 30m, 90s or 1h, not '\(text)'",
                             at: reader.value("time_limit")?.location ?? reader.location(of: "time_limit"), hint: "for example 'time_limit: 30m'")
            }
        }
        var feedback = QuizSettings.FeedbackTiming.afterSubmit
        if let text = reader.string("feedback") {
            if let value = QuizSettings.FeedbackTiming(rawValue: text) { feedback = value } else {
                engine.error("invalid-value", "'feedback' should be after-each, after-submit or never, not '\(text)'",
                             at: reader.value("feedback")?.location ?? reader.location(of: "feedback"),
                             hint: Suggestions.didYouMean(text, in: QuizSettings.FeedbackTiming.allCases.map(\.rawValue)))
            }
        }
        var bands: [ScoreBand] = []
        for item in reader.sequence("bands") ?? [] {
            guard let band = YAMLMappingReader(item, context: "a score band", knownKeys: ["from", "text"], engine: engine) else { continue }
            let from = band.string("from", required: true, example: "80%")
            let text = band.string("text", required: true, example: "Well done.")
            guard let from, let text else { continue }
            guard let value = percent(from), value >= .zero, value <= .one else {
                engine.error("invalid-value", "'from' should be a percentage such as 80%, not '\(from)'",
                             at: band.value("from")?.location ?? band.location(of: "from"))
                continue
            }
            if bands.contains(where: { $0.from == value }) {
                engine.error("duplicate-band", "two score bands start at \(from)", at: band.location(of: "from"),
                             hint: "give each band a different 'from'")
            }
            bands.append(ScoreBand(from: value, text: text))
        }
        let settings = QuizSettings(passMark: pass, attempts: attempts, combining: combining, shuffle: shuffle, draw: draw, wait: wait,
                                    timeLimit: timeLimit, feedback: feedback, allOrNothing: allOrNothing, bands: bands)
        return (settings, drawLocations)
    }

    static let drawKeys = ["count", "per_outcome", "per_tag"]

    /// `draw: 8` or the mapping form `draw: {count: 10, per_outcome: 1, per_tag: {tag: 1}}`.
    static func readDraw(_ reader: YAMLMappingReader, engine: DiagnosticsEngine) -> (DrawRule?, DrawLocations) {
        var locations = DrawLocations()
        guard let node = reader.value("draw") else { return (nil, locations) }
        locations.draw = node.location
        if node.scalar != nil {
            locations.count = node.location
            return (reader.int("draw", in: 1...10_000, example: "8").map { DrawRule(count: $0) }, locations)
        }
        guard let mapping = reader.mapping("draw", context: "'draw'", knownKeys: drawKeys) else { return (nil, locations) }
        locations.count = mapping.value("count")?.location ?? mapping.location(of: "count")
        let count = mapping.int("count", required: true, in: 1...10_000, example: "10")
        locations.perOutcome = mapping.value("per_outcome")?.location
        let perOutcome = mapping.int("per_outcome", in: 1...10_000, example: "1") ?? 0
        var perTag: [DrawRule.TagMinimum] = []
        if let tags = mapping.value("per_tag") {
            if case .mapping(let pairs) = tags.content {
                for pair in pairs {
                    guard let tag = pair.key.scalar else {
                        engine.error("wrong-type", "a tag in 'per_tag' must be a plain name", at: pair.key.location)
                        continue
                    }
                    guard let text = pair.value.scalar, let minimum = Int(text.trimmingCharacters(in: .whitespaces)), minimum >= 1 else {
                        engine.error("wrong-type", "the minimum for tag '\(tag)' should be a whole number of at least 1, not '\(pair.value.scalar ?? pair.value.kindDescription)'",
                                     at: pair.value.location, hint: "for example '\(tag): 1'")
                        continue
                    }
                    locations.perTag[tag] = pair.key.location
                    perTag.append(.init(tag: tag, minimum: minimum))
                }
            } else {
                engine.error("wrong-type", "'per_tag' should be a set of 'tag: minimum' lines, not \(tags.kindDescription)",
                             at: tags.location, hint: "for example 'per_tag: {means-safety: 1}'")
            }
        }
        guard let count else { return (nil, locations) }
        return (DrawRule(count: count, perOutcome: perOutcome, perTag: perTag), locations)
    }

    /// `80%` (or a plain number 0…100 read as a percentage) as a fraction.
    static func percent(_ text: String) -> Fraction? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = CreditMarker.parsePercent(trimmed) { return value }
        if let (value, _) = CreditMarker.exactDecimal(trimmed), value >= .zero, value <= Fraction(100) { return value / Fraction(100) }
        return nil
    }
}
