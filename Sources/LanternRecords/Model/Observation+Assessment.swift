import Foundation
import LanternAssessment

extension Observation {
    /// The observation as the assessment engine reads it (`Checklist.evaluate`), or nil when its
    /// date cannot be read. The one conversion: `progress`, reports and certificate rules use it.
    public var assessed: LanternAssessment.Observation? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = observedOn.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return nil }
        var ratingsByCriterion: [String: String] = [:]
        var evidence: [String: String] = [:]
        for rating in ratings {
            ratingsByCriterion[rating.criterion] = rating.rating
            if let note = rating.evidence { evidence[rating.criterion] = note }
        }
        return LanternAssessment.Observation(id: id, checklistID: checklistID, traineeID: traineeID, assessorID: assessorID, date: date,
                                             method: method, ratings: ratingsByCriterion, evidence: evidence, supersedes: supersedes)
    }
}
