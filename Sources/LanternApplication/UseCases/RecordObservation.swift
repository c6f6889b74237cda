import Foundation
import LanternDiagnostics
import LanternRecords

/// Recording an observation: an assessor's ratings of a trainee against a checklist of the
/// course, checked against the checklist as it was read (its content hash is recorded with it):
/// every problem of the ratings at its line, `n/a` only where the checklist allows it, and an
/// assessor the checklist's `assessors:` roles admit who is not the trainee. An assessor signed in
/// with their key records only as themselves and only for trainees in their reach
/// (`AssessorReach`: the cohorts they are assigned to); the local operator and trainers, for anyone.
public struct RecordObservation: Sendable {
    public let course: Course
    public let actor: Principal
    let records: RecordsStore
    let output: any OutputSink
    let clock: @Sendable () -> Date

    public init(course: Course, records: RecordsStore, actor: Principal, output: any OutputSink,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.course = course
        self.actor = actor
        self.records = records.acting(as: actor.auditName)
        self.output = output
        self.clock = clock
    }

    /// Where the ratings come from: a ratings file, `CRITERION=LEVEL` pairs, or ratings (with
    /// evidence notes) a screen collected (the assessor screen of `lantern serve`).
    public enum Ratings: Sendable {
        case file(path: String)
        case pairs([String])
        case given([Observation.Rating])
    }

    /// Records the observation and writes its id to the output. `method`, `date` and
    /// `supersedes` override the ratings file's.
    @discardableResult
    public func record(trainee: String, checklistID: String, assessor: String, ratings: Ratings,
                       method: String? = nil, date: String? = nil, supersedes: String? = nil) throws(LanternError) -> Observation {
        try AssessorReach(actor: actor, course: course, records: records).check(trainee: trainee, assessor: assessor)
        let definition = try course.checklist(checklistID)
        var file: RatingsFile
        switch ratings {
        case .file(let path):
            file = try RatingsFile.parse(try Self.readText(path), path: path, checklist: definition)
        case .pairs(let pairs):
            do {
                file = try RatingsFile.parse(try Self.yaml(pairs), path: "--rating", checklist: definition)
            } catch {
                throw Self.namingPairs(error, pairs)
            }
        case .given(let ratings):
            for rating in ratings where !definition.criteria.contains(where: { $0.id == rating.criterion }) || !definition.scale.contains(rating.rating) {
                throw LanternError(.invalidRating, "'\(rating.criterion)=\(rating.rating)' is not a criterion and level of checklist '\(checklistID)'")
            }
            for criterion in definition.criteria where !criterion.optional && !ratings.contains(where: { $0.criterion == criterion.id }) {
                throw LanternError(.invalidRating, "criterion '\(criterion.id)' of checklist '\(checklistID)' needs a rating")
            }
            file = RatingsFile(ratings: ratings)
        }
        if let method { file.method = method }
        if let date { file.date = date }
        if let supersedes { file.supersedes = supersedes }
        guard let chosenMethod = file.method ?? definition.methods.first else {
            throw LanternError(.missingMethod, "say how the trainee was observed", hint: "pass --method NAME")
        }
        if file.method == nil, definition.methods.count > 1 {
            output.report(Diagnostic(.note, "default-method", "no method given: recorded as '\(chosenMethod)', the checklist's first method", at: nil,
                                     hint: "pass --method \(definition.methods.joined(separator: "|")) to record another"))
        }
        if !definition.methods.isEmpty, !definition.methods.contains(chosenMethod) {
            throw LanternError(.unknownMethod, "'\(chosenMethod)' is not a method of checklist '\(checklistID)'",
                               hint: Suggestions.didYouMean(chosenMethod, in: definition.methods) ?? "methods: \(definition.methods.joined(separator: ", "))")
        }
        let observation = try records.recordObservation(Observation(
            traineeID: trainee, checklistID: definition.id, checklistHash: definition.contentHash, assessorID: assessor,
            method: chosenMethod, observedOn: file.date ?? Timestamp.today(clock()), ratings: file.ratings,
            competent: definition.isCompetent(file.ratings), supersedes: file.supersedes), allowedRoles: definition.allowedRoles)
        output.write(observation.id + "\n")
        return observation
    }

    static func readText(_ path: String) throws(LanternError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LanternError(.cannotRead, "cannot read '\(path)'", hint: "check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LanternError(.notUtf8, "'\(path)' is not UTF-8 text", at: SourceLocation(path: path))
        }
        return text
    }

    /// Problems found in `--rating` pairs, each named by the option it came from (line 1 of the
    /// document made from them is `ratings:`, line N + 1 the Nth pair) instead of a line number.
    static func namingPairs(_ error: LanternError, _ pairs: [String]) -> LanternError {
        func named(_ diagnostic: Diagnostic) -> Diagnostic {
            guard let location = diagnostic.location, location.path == "--rating" else { return diagnostic }
            var renamed = diagnostic
            let index = location.line - 2
            // A missing rating belongs to no pair.
            let pair = ErrorCode(rawValue: diagnostic.code) == .missingRating ? nil : pairs.indices.contains(index) ? pairs[index] : nil
            renamed.message = pair.map { "--rating \($0): " + diagnostic.message } ?? diagnostic.message
            renamed.location = nil
            return renamed
        }
        let all = error.diagnostics.map(named)
        var result = LanternError(all[0].code, all[0].message, at: all[0].location, hint: all[0].hint)
        result.alsoFound = Array(all.dropFirst())
        return result
    }

    /// `CRITERION=LEVEL` pairs as a ratings document.
    static func yaml(_ pairs: [String]) throws(LanternError) -> String {
        var lines = ["ratings:"]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw LanternError(.invalidRating, "'\(pair)' should be CRITERION=LEVEL", hint: "for example --rating open-questions=competent")
            }
            lines.append("  \(JSONString.quoted(parts[0])): \(JSONString.quoted(parts[1]))")
        }
        return lines.joined(separator: "\n")
    }
}
