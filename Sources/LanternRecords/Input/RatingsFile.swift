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
    /// missing required criteria and wrong types are errors at their position.
    public static func parse(_ text: String, path: String, checklist: ChecklistDefinition) throws(LanternError) -> RatingsFile {
        let root = try YAMLNode.parse(text, path: path)
        let start = SourceLocation(path: path)
        guard case .mapping(let pairs) = root.content else {
            throw LanternError(.invalidRatings, "a ratings file should be a set of 'key: value' lines, not \(root.kindDescription)",
                               at: root.isNull ? start : root.location, hint: "start with 'ratings:' and one 'criterion: level' line per criterion")
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
                let method = try scalar(value, "method")
                guard checklist.methods.isEmpty || checklist.methods.contains(method) else {
                    throw LanternError(.unknownMethod, "'\(method)' is not a method of checklist '\(checklist.id)'", at: value.location,
                                       hint: Suggestions.didYouMean(method, in: checklist.methods) ?? "methods: \(checklist.methods.joined(separator: ", "))")
                }
                file.method = method
            case "date":
                let date = try scalar(value, "date")
                guard Timestamp.calendarDate(date) != nil else {
                    throw LanternError(.invalidDate, "'\(date)' is not a date", at: value.location, hint: "write dates as YYYY-MM-DD")
                }
                file.date = date
            case "supersedes": file.supersedes = try scalar(value, "supersedes")
            case "ratings": ratingsNode = value
            default:
                // Criteria may also be rated at the top level, without 'ratings:'.
                guard criterionIDs.contains(name) else {
                    throw LanternError(.unknownKey, "'\(name)' is neither a ratings-file key nor a criterion of checklist '\(checklist.id)'", at: key.location,
                                       hint: Suggestions.didYouMean(name, in: known + criterionIDs) ?? "the keys are \(known.joined(separator: ", ")); the criteria are \(criterionIDs.joined(separator: ", "))")
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
                        throw LanternError(.invalidRatings, "each item under 'ratings' needs 'criterion:' and 'rating:'", at: item.location)
                    }
                    let rest = fields.filter { !["criterion", "id"].contains($0.key.scalar ?? "") }
                    entries.append((idNode.location, try scalar(idNode, "criterion"), YAMLNode(.mapping(rest), at: item.location)))
                }
            case .scalar:
                throw LanternError(.invalidRatings, "'ratings' should be 'criterion: level' lines, not \(ratingsNode.kindDescription)", at: ratingsNode.location)
            }
        }
        if entries.isEmpty {
            throw LanternError(.missingKey, "the ratings file rates no criterion", at: ratingsNode?.location ?? root.location,
                               hint: "add 'ratings:' with one 'criterion: level' line per criterion")
        }
        var seen = Set<String>()
        for (location, criterion, value) in entries {
            guard criterionIDs.contains(criterion) else {
                throw LanternError(.unknownCriterion, "checklist '\(checklist.id)' has no criterion '\(criterion)'", at: location,
                                   hint: Suggestions.didYouMean(criterion, in: criterionIDs) ?? "its criteria are \(criterionIDs.joined(separator: ", "))")
            }
            guard seen.insert(criterion).inserted else {
                throw LanternError(.duplicateKey, "criterion '\(criterion)' is rated twice", at: location)
            }
            var level = ""
            var evidence: String?
            var levelLocation = value.location
            switch value.content {
            case .scalar:
                level = try scalar(value, criterion)
            case .mapping(let fields):
                for (fieldKey, fieldValue) in fields {
                    switch fieldKey.scalar {
                    case "rating", "level":
                        level = try scalar(fieldValue, "rating")
                        levelLocation = fieldValue.location
                    case "evidence", "note", "notes": evidence = try scalar(fieldValue, "evidence")
                    default:
                        throw LanternError(.unknownKey, "unknown key '\(fieldKey.scalar ?? "")' under '\(criterion)'", at: fieldKey.location,
                                           hint: "use 'rating:' and 'evidence:'")
                    }
                }
                if level.isEmpty {
                    throw LanternError(.missingKey, "criterion '\(criterion)' has no 'rating:'", at: value.location)
                }
            case .sequence:
                throw LanternError(.invalidRatings, "criterion '\(criterion)' should have one level, not a list", at: value.location)
            }
            guard checklist.scale.contains(level) else {
                throw LanternError(.unknownLevel, "'\(level)' is not on the scale of checklist '\(checklist.id)'", at: levelLocation,
                                   hint: Suggestions.didYouMean(level, in: checklist.scale) ?? "the scale is \(checklist.scale.joined(separator: ", "))")
            }
            file.ratings.append(Observation.Rating(criterion: criterion, rating: level, evidence: evidence))
        }
        let missing = checklist.criteria.filter { !$0.optional && !seen.contains($0.id) }.map(\.id)
        if !missing.isEmpty {
            throw LanternError(.missingRating, "no rating for \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: ratingsNode?.location ?? root.location,
                               hint: "rate every criterion that is not optional")
        }
        return file
    }

    private static func scalar(_ node: YAMLNode, _ what: String) throws(LanternError) -> String {
        guard let text = node.scalar, !text.isEmpty else {
            throw LanternError(.invalidValue, "'\(what)' should be a single value, not \(node.kindDescription)", at: node.location)
        }
        return text
    }
}
