import Crypto
import Foundation
import LanternCurriculum
import LanternDiagnostics

/// What the records layer needs from a checklist to check an observation: criteria, scale,
/// pass level, methods and occasions, read from the checklist's front matter and its list of
/// criteria (`- (critical|optional) text {#id}`; criteria without an id are `c1`, `c2`, …).
public struct ChecklistDefinition: Sendable, Hashable {
    public struct Criterion: Sendable, Hashable {
        public var id: String
        public var optional: Bool

        public init(id: String, optional: Bool) {
            self.id = id
            self.optional = optional
        }
    }

    public var id: String
    public var criteria: [Criterion]
    /// Rating levels, lowest first.
    public var scale: [String]
    public var passLevel: String
    public var methods: [String]
    public var occasions: Int
    /// SHA-256 (hex) of the checklist file's front matter and body.
    public var contentHash: String

    public init(id: String, criteria: [Criterion], scale: [String], passLevel: String, methods: [String], occasions: Int, contentHash: String) {
        self.id = id
        self.criteria = criteria
        self.scale = scale
        self.passLevel = passLevel
        self.methods = methods
        self.occasions = occasions
        self.contentHash = contentHash
    }

    /// Reads the definition of a checklist the workspace loaded.
    public init(_ source: AssessmentSource) throws(LanternError) {
        guard source.kind == .checklist else {
            throw LanternError("not-a-checklist", "'\(source.id)' is a \(source.kind?.rawValue ?? "file of unknown kind"), not a checklist",
                               at: SourceLocation(path: source.displayPath))
        }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        if case .mapping(let mapping) = source.frontMatter.content { pairs = mapping }
        func value(_ key: String) -> YAMLNode? { pairs.first { $0.key.scalar == key }?.value }
        func list(_ key: String) -> [String] {
            guard let node = value(key), case .sequence(let items) = node.content else { return [] }
            return items.compactMap(\.scalar)
        }
        let scale = list("scale").isEmpty ? ["not-yet", "with-prompting", "competent"] : list("scale")
        let passLevel = value("pass_level")?.scalar ?? scale.last ?? "competent"
        let occasions = value("occasions")?.scalar.flatMap(Int.init) ?? 1
        var criteria: [Criterion] = []
        var inFence = false
        for line in source.body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.hasPrefix("- ") || line.hasPrefix("* ") else { continue }
            var text = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            let optional = text.hasPrefix("(optional)")
            if text.hasPrefix("(optional)") || text.hasPrefix("(critical)") { text = String(text.dropFirst(10)) }
            var id = "c\(criteria.count + 1)"
            if let open = text.range(of: "{#", options: .backwards), text.hasSuffix("}") {
                let inside = text[open.upperBound..<text.index(before: text.endIndex)]
                id = String(inside.split(separator: " ").first ?? Substring(id))
            }
            criteria.append(Criterion(id: id, optional: optional))
        }
        var hasher = SHA256()
        hasher.update(data: Data(source.id.utf8))
        hasher.update(data: Data(source.body.utf8))
        self.init(id: source.id, criteria: criteria, scale: scale, passLevel: passLevel, methods: list("methods"),
                  occasions: max(1, occasions), contentHash: AuditLog.hex(hasher.finalize()))
    }

    /// Whether ratings meet the pass level on every criterion that is not optional.
    public func isCompetent(_ ratings: [Observation.Rating]) -> Bool {
        guard let passIndex = scale.firstIndex(of: passLevel) else { return false }
        for criterion in criteria where !criterion.optional {
            guard let rating = ratings.first(where: { $0.criterion == criterion.id }),
                  let index = scale.firstIndex(of: rating.rating), index >= passIndex else { return false }
        }
        return true
    }
}
