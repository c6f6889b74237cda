import Foundation

extension Checklist {
    /// Evaluates a trainee's observations of this checklist.
    ///
    /// - Superseded observations and self-assessments are left out (kept, never counted);
    ///   observations of other checklists, or with a method the checklist does not allow, too.
    /// - An occasion is competent by `isCompetentOccasion(_:)`; several competent observations
    ///   on one day count once.
    /// - Competent needs `occasions` competent occasions, and no critical criterion below the
    ///   pass level (or rated n/a) in the latest counted observation.
    public func evaluate(_ observations: [Observation]) -> ChecklistOutcome {
        let superseded = Set(observations.compactMap(\.supersedes))
        let counted = observations
            .filter { $0.checklistID == id && !$0.isSelfAssessment && !superseded.contains($0.id) }
            .filter { methods.isEmpty || methods.contains($0.method) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let needed = criteria.filter { $0.requirement != .optional }
        func meets(_ observation: Observation, _ criterion: Criterion) -> Bool {
            satisfies(criterion, observation.ratings[criterion.id])
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func day(_ date: Date) -> DateComponents { calendar.dateComponents([.year, .month, .day], from: date) }

        var competentDays = Set<DateComponents>()
        var daysMet: [String: Set<DateComponents>] = [:]
        for observation in counted {
            for criterion in needed where meets(observation, criterion) {
                daysMet[criterion.id, default: []].insert(day(observation.date))
            }
            if isCompetentOccasion(observation.ratings) { competentDays.insert(day(observation.date)) }
        }
        var gaps: [ChecklistOutcome.Gap] = []
        if competentDays.count < occasions {
            gaps.append(.init(criterionID: nil, message: "\(competentDays.count) of \(occasions) competent occasion\(occasions == 1 ? "" : "s") observed"))
            for criterion in needed {
                let met = daysMet[criterion.id]?.count ?? 0
                if met < occasions {
                    gaps.append(.init(criterionID: criterion.id,
                                      message: "'\(criterion.id)' reached \(passLevel) on \(met) of \(occasions) occasion\(occasions == 1 ? "" : "s")"))
                }
            }
        }
        if let latest = counted.last {
            for criterion in criteria where criterion.requirement == .critical && !meets(latest, criterion) {
                let notSeen = latest.ratings[criterion.id].map(Self.isNotApplicable) ?? false
                gaps.append(.init(criterionID: criterion.id, message: notSeen
                    ? "critical criterion '\(criterion.id)' was rated n/a in the latest observation (n/a never counts as a pass for a critical criterion)"
                    : "critical criterion '\(criterion.id)' was below \(passLevel) in the latest observation"))
            }
        }
        return ChecklistOutcome(status: gaps.isEmpty ? .competent : .notYet, competentOccasions: competentDays.count,
                                occasionsNeeded: occasions, countedObservations: counted.map(\.id), gaps: gaps)
    }

    /// Whether one observation's ratings (criterion id → level or `n/a`) make a competent
    /// occasion: every required criterion at or above the pass level, or rated n/a where the
    /// checklist allows it; every critical criterion at or above the pass level (n/a never
    /// counts as a pass for a critical criterion). The one rule recording and evaluation share.
    public func isCompetentOccasion(_ ratings: [String: String]) -> Bool {
        criteria.filter { $0.requirement != .optional }.allSatisfy { satisfies($0, ratings[$0.id]) }
    }

    /// Whether `rating` counts for `criterion` on one occasion (see `isCompetentOccasion`).
    func satisfies(_ criterion: Criterion, _ rating: String?) -> Bool {
        guard let rating else { return false }
        if Self.isNotApplicable(rating) {
            return criterion.requirement == .required && criterion.allowsNotApplicable
        }
        guard let value = rank(of: rating) else { return false }
        return value >= (rank(of: passLevel) ?? (scale.count - 1))
    }
}
