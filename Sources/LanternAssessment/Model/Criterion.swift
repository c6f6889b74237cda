import LanternDiagnostics

/// One observable behaviour of a competency checklist.
public struct Criterion: Sendable, Hashable {
    public enum Requirement: String, Sendable, Hashable, Codable, CaseIterable {
        /// Must reach the pass level on each counted occasion (or be rated n/a, where allowed).
        case required
        /// As required, and a rating below the pass level (or n/a) in the latest observation
        /// blocks competence: n/a never counts as a pass for a critical criterion.
        case critical
        /// Recorded but never blocks competence.
        case optional
    }

    public var id: String
    /// What the assessor looks for (inline Markdown).
    public var text: String
    public var requirement: Requirement
    /// Notes for the assessor (an indented `>` quote under the criterion).
    public var guidance: String?
    /// Whether it depends on the scenario and may be rated `n/a` (`{#id n/a}`).
    public var allowsNotApplicable: Bool
    /// This criterion's own descriptors: scale level → what it means here (a nested
    /// `- level: text` list). They replace the checklist's `levels:` for those levels.
    public var descriptors: [String: String]
    public var location: SourceLocation?

    public init(id: String, text: String, requirement: Requirement = .required, guidance: String? = nil,
                allowsNotApplicable: Bool = false, descriptors: [String: String] = [:], location: SourceLocation? = nil) {
        self.id = id
        self.text = text
        self.requirement = requirement
        self.guidance = guidance
        self.allowsNotApplicable = allowsNotApplicable
        self.descriptors = descriptors
        self.location = location
    }
}
