import LanternDiagnostics

/// One observable behaviour of a competency checklist.
public struct Criterion: Sendable, Hashable {
    public enum Requirement: String, Sendable, Hashable, Codable, CaseIterable {
        /// Must reach the pass level on each counted occasion.
        case required
        /// As required, and a rating below the pass level in the latest observation blocks competence.
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
    public var location: SourceLocation?

    public init(id: String, text: String, requirement: Requirement = .required, guidance: String? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.text = text
        self.requirement = requirement
        self.guidance = guidance
        self.location = location
    }
}
