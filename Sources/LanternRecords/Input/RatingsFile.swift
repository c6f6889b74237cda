import Foundation
import LanternCurriculum
import LanternDiagnostics

/// A ratings file for `lantern checklist record --ratings FILE`, in YAML (or JSON):
///
/// ```yaml
/// method: role-play          # optional: one of the checklist's methods
/// date: 2026-11-20           # optional: today by default
/// supersedes: ob-…           # optional: the observation this one corrects
/// ratings:
///   open-questions: competent
///   offers-interpreter: n/a   # only where the checklist marks the criterion {#id n/a}
///   summarises:
///     rating: with-prompting
///     evidence: Summarised once, without checking it with the person.
/// ```
///
/// Every problem is reported at `path:line:col`.
public struct RatingsFile: Sendable, Hashable {
    public var method: String?
    public var date: String?
    public var supersedes: String?
    public var ratings: [Observation.Rating]

    public init(method: String? = nil, date: String? = nil, supersedes: String? = nil, ratings: [Observation.Rating]) {
        self.method = method
        self.date = date
        self.supersedes = supersedes
        self.ratings = ratings
    }

    /// Parses and checks a ratings file against a checklist: unknown criteria and levels,
    /// missing required criteria, `n/a` where the checklist does not allow it and wrong types
    /// are errors at their position. Every problem is thrown at once (the first in file order,
    /// the rest in `LanternError.alsoFound`).
    public static func parse(_ text: String, path: String, checklist: ChecklistDefinition) throws(LanternError) -> RatingsFile {
        let engine = DiagnosticsEngine()
        let file = parse(text, path: path, checklist: checklist, engine: engine)
        if let error = LanternError(collecting: engine.diagnostics) { throw error }
        return file ?? RatingsFile(ratings: [])
    }

    /// As `parse(_:path:checklist:)`, reporting each problem to `engine`; nil when the file
    /// cannot be read as ratings at all.
    public static func parse(_ text: String, path: String, checklist: ChecklistDefinition, engine: DiagnosticsEngine) -> RatingsFile? {
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(text, path: path)
        } catch {
            engine.emit(contentsOf: error.diagnostics)
            return nil
        }
        let start = SourceLocation(path: path)
        guard case .mapping(let pairs) = root.content else {
            engine.error("invalid-ratings", "a ratings file should be a set of 'key: value' lines, not \(root.kindDescription)",
                         at: root.isNull ? start : root.location, hint: "start with 'ratings:' and one 'criterion: level' line per criterion")
            return nil
        }
        let criterionIDs = checklist.criteria.map(\.id)
        let known = ["method", "date", "supersedes", "ratings"]
        var file = RatingsFile(ratings: [])
        var ratingsNode: YAMLNode?
        // (where the criterion is named, its id, its rating node)
        var entries: [(location: SourceLocation, criterion: String, value: YAMLNode)] = []
        for (key, value) in pairs {
            let name = key.scalar ?? ""
            switch name {
            case "method":
                guard let method = scalar(value, "method", engine) else { continue }
                guard checklist.methods.isEmpty || checklist.methods.contains(method) else {
                    engine.error("unknown-method", "'\(method)' is not a method of checklist '\(checklist.id)'", at: value.location,
                                 hint: Suggestions.didYouMean(method, in: checklist.methods) ?? "methods: \(checklist.methods.joined(separator: ", "))")
                    continue
                }
                file.method = method
            case "date":
                guard let date = scalar(value, "date", engine) else { continue }
                guard Timestamp.calendarDate(date) != nil else {
                    engine.error("invalid-date", "'\(date)' is not a date", at: value.location, hint: "write dates as YYYY-MM-DD")
                    continue
                }
                file.date = date
            case "supersedes": file.supersedes = scalar(value, "supersedes", engine)
            case "ratings": ratingsNode = value
            default:
                // Criteria may also be rated at the top level, without 'ratings:'.
                guard criterionIDs.contains(name) else {
                    engine.error("unknown-key", "'\(name)' is neither a ratings-file key nor a criterion of checklist '\(checklist.id)'", at: key.location,
                                 hint: Suggestions.didYouMean(name, in: known + criterionIDs) ?? "the keys are \(known.joined(separator: ", ")); the criteria are \(criterionIDs.joined(separator: ", "))")
                    continue
                }
                entries.append((key.location, name, value))
            }
        }
        if let ratingsNode {
            switch ratingsNode.content {
            case .mapping(let items):
                for (key, value) in items { entries.append((key.location, key.scalar ?? "", value)) }
            case .sequence(let items):
                // - criterion: open-questions
                //   rating: competent
                for item in items {
                    guard case .mapping(let fields) = item.content,
                          let idNode = fields.first(where: { ["criterion", "id"].contains($0.key.scalar ?? "") })?.value else {
                        engine.error("invalid-ratings", "each item under 'ratings' needs 'criterion:' and 'rating:'", at: item.location)
                        continue
                    }
                    let rest = fields.filter { !["criterion", "id"].contains($0.key.scalar ?? "") }
                    guard let id = scalar(idNode, "criterion", engine) else { continue }
                    entries.append((idNode.location, id, YAMLNode(.mapping(rest), at: item.location)))
                }
            case .scalar:
                engine.error("invalid-ratings", "'ratings' should be 'criterion: level' lines, not \(ratingsNode.kindDescription)", at: ratingsNode.location)
                return nil
            }
        }
        if entries.isEmpty {
            if !engine.hasErrors {
                engine.error("missing-key", "the ratings file rates no criterion", at: ratingsNode?.location ?? root.location,
                             hint: "add 'ratings:' with one 'criterion: level' line per criterion")
            }
            return nil
        }
        var seen = Set<String>()
        // Criteria a misspelt name was probably meant for: not reported missing as well.
        var misspelt = Set<String>()
        for (location, criterion, value) in entries {
            guard let definition = checklist.criteria.first(where: { $0.id == criterion }) else {
                if let meant = Suggestions.closest(to: criterion, in: criterionIDs) { misspelt.insert(meant) }
                engine.error("unknown-criterion", "checklist '\(checklist.id)' has no criterion '\(criterion)'", at: location,
                             hint: Suggestions.didYouMean(criterion, in: criterionIDs) ?? "its criteria are \(criterionIDs.joined(separator: ", "))")
                continue
            }
            guard seen.insert(criterion).inserted else {
                engine.error("duplicate-key", "criterion '\(criterion)' is rated twice", at: location)
                continue
            }
            var level: String?
            var evidence: String?
            var levelLocation = value.location
            switch value.content {
            case .scalar:
                level = scalar(value, criterion, engine)
            case .mapping(let fields):
                var fieldsRead = true
                for (fieldKey, fieldValue) in fields {
                    switch fieldKey.scalar {
                    case "rating", "level":
                        level = scalar(fieldValue, "rating", engine)
                        levelLocation = fieldValue.location
                        if level == nil { fieldsRead = false }
                    case "evidence", "note", "notes":
                        // Left empty (a template not filled in): no note.
                        if !fieldValue.isNull { evidence = scalar(fieldValue, "evidence", engine) }
                    default:
                        engine.error("unknown-key", "unknown key '\(fieldKey.scalar ?? "")' under '\(criterion)'", at: fieldKey.location,
                                     hint: "use 'rating:' and 'evidence:'")
                    }
                }
                if level == nil && fieldsRead {
                    engine.error("missing-key", "criterion '\(criterion)' has no 'rating:'", at: value.location)
                }
            case .sequence:
                engine.error("invalid-ratings", "criterion '\(criterion)' should have one level, not a list", at: value.location)
            }
            guard var level else { continue }
            if ChecklistDefinition.isNotApplicable(level) {
                guard definition.allowsNotApplicable else {
                    engine.error("not-applicable-refused", "criterion '\(criterion)' must be rated: checklist '\(checklist.id)' does not allow n/a for it",
                                 at: levelLocation, hint: "rate it on the scale (\(checklist.scale.joined(separator: ", "))); n/a is only for criteria marked {#id n/a}")
                    continue
                }
                level = ChecklistDefinition.notApplicable
            } else if !checklist.scale.contains(level) {
                engine.error("unknown-level", "'\(level)' is not on the scale of checklist '\(checklist.id)'", at: levelLocation,
                             hint: Suggestions.didYouMean(level, in: checklist.scale) ?? "the scale is \(checklist.scale.joined(separator: ", "))")
                continue
            }
            file.ratings.append(Observation.Rating(criterion: criterion, rating: level, evidence: evidence))
        }
        let missing = checklist.criteria.filter { !$0.optional && !seen.contains($0.id) && !misspelt.contains($0.id) }.map(\.id)
        if !missing.isEmpty {
            engine.error("missing-rating", "no rating for \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: ratingsNode?.location ?? root.location,
                         hint: "rate every criterion that is not optional")
        }
        return file
    }

    private static func scalar(_ node: YAMLNode, _ what: String, _ engine: DiagnosticsEngine) -> String? {
        guard let text = node.scalar, !text.isEmpty else {
            engine.error("invalid-value", "'\(what)' should be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return text
    }
}
