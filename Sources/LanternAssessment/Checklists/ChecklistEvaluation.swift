import Foundation

extension Checklist {
    /// Evaluates a trainee's observations of this checklist.
    ///
    /// - Superseded observations and self-assessments are left out (kept, never counted);
    ///   observations of other checklists, or with a method the checklist does not allow, too.
    /// - An occasion is competent when every required and critical criterion is rated at or
    ///   above the pass level; several competent observations on one day count once.
    /// - Competent needs `occasions` competent occasions, and no critical criterion below the
    ///   pass level in the latest counted observation.
    public func evaluate(_ observations: [Observation]) -> ChecklistOutcome {
        let superseded = Set(observations.compactMap(\.supersedes))
        let counted = observations
            .filter { $0.checklistID == id && !$0.isSelfAssessment && !superseded.contains($0.id) }
            .filter { methods.isEmpty || methods.contains($0.method) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let passRank = rank(of: passLevel) ?? (scale.count - 1)
        let needed = criteria.filter { $0.requirement != .optional }
        func meets(_ observation: Observation, _ criterion: Criterion) -> Bool {
            guard let level = observation.ratings[criterion.id], let value = rank(of: level) else { return false }
            return value >= passRank
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
            if needed.allSatisfy({ meets(observation, $0) }) { competentDays.insert(day(observation.date)) }
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
                gaps.append(.init(criterionID: criterion.id,
                                  message: "critical criterion '\(criterion.id)' was below \(passLevel) in the latest observation"))
            }
        }
        return ChecklistOutcome(status: gaps.isEmpty ? .competent : .notYet, competentOccasions: competentDays.count,
                                occasionsNeeded: occasions, countedObservations: counted.map(\.id), gaps: gaps)
    }
}
