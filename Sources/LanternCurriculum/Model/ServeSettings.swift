/// `serve:` in `lantern.yml`: how `lantern serve` is reached and what assessors see on it.
public struct ServeSettings: Sendable, Hashable {
    /// Which trainees an assessor signed in to `lantern serve` may choose and record for.
    public enum AssessorsSee: String, Sendable, Hashable, CaseIterable {
        /// Only trainees enrolled in a cohort the assessor is assigned to (`lantern assessor
        /// assign`): the default, so a new assessor sees no one until they are assigned.
        case assigned
        /// Every trainee (a small organisation where every assessor may assess anyone).
        case all
    }

    public var assessorsSee: AssessorsSee

    public init(assessorsSee: AssessorsSee = .assigned) {
        self.assessorsSee = assessorsSee
    }
}
