import Foundation
import LanternAssessment
import Testing

@Suite("Checklist evaluation")
struct ChecklistTests {
    let checklist = Checklist(id: "listening", moduleID: "m", title: "Listening", occasions: 2,
                              scale: ["not-yet", "with-prompting", "competent"], passLevel: "competent",
                              methods: ["role-play", "workplace"],
                              criteria: [Criterion(id: "safe", text: "Explains limits", requirement: .critical),
                                         Criterion(id: "open", text: "Open questions"),
                                         Criterion(id: "pace", text: "Pace", requirement: .optional)])

    static func day(_ n: Int) -> Date { Date(timeIntervalSince1970: Double(n) * 86_400 + 3600) }

    func observation(_ id: String, day: Int, safe: String = "competent", open: String = "competent", method: String = "role-play",
                     selfAssessment: Bool = false, supersedes: String? = nil) -> Observation {
        Observation(id: id, checklistID: "listening", traineeID: "t1", assessorID: "a1", date: Self.day(day), method: method,
                    isSelfAssessment: selfAssessment, ratings: ["safe": safe, "open": open, "pace": "not-yet"], supersedes: supersedes)
    }

    @Test("two competent occasions on different days: Competent (optional criteria never block)")
    func competent() {
        let outcome = checklist.evaluate([observation("o1", day: 1), observation("o2", day: 5)])
        #expect(outcome.status == .competent)
        #expect(outcome.competentOccasions == 2)
        #expect(outcome.gaps.isEmpty)
    }

    @Test("what is missing is named", arguments: [
        (["same-day"], ChecklistOutcome.Status.notYet, ["1 of 2 competent occasions observed", "'safe' reached competent on 1 of 2 occasions", "'open' reached competent on 1 of 2 occasions"]),
        (["prompting"], .notYet, ["1 of 2 competent occasions observed", "'open' reached competent on 1 of 2 occasions"]),
        (["self"], .notYet, ["1 of 2 competent occasions observed", "'safe' reached competent on 1 of 2 occasions", "'open' reached competent on 1 of 2 occasions"]),
        (["method"], .notYet, ["1 of 2 competent occasions observed", "'safe' reached competent on 1 of 2 occasions", "'open' reached competent on 1 of 2 occasions"]),
        (["critical-latest"], .notYet, ["critical criterion 'safe' was below competent in the latest observation"]),
        (["corrected"], .competent, []),
    ])
    func gaps(scenario: [String], status: ChecklistOutcome.Status, messages: [String]) {
        var observations = [observation("o1", day: 1)]
        switch scenario[0] {
        case "same-day": observations.append(observation("o2", day: 1))
        case "prompting": observations.append(observation("o2", day: 3, open: "with-prompting"))
        case "self": observations.append(observation("o2", day: 3, selfAssessment: true))
        case "method": observations.append(observation("o2", day: 3, method: "simulation"))
        case "critical-latest":
            observations.append(observation("o2", day: 3))
            observations.append(observation("o3", day: 4, safe: "with-prompting"))
        default:
            observations.append(observation("o2", day: 3, open: "not-yet"))
            observations.append(observation("o2b", day: 3, supersedes: "o2"))
        }
        let outcome = checklist.evaluate(observations)
        #expect(outcome.status == status)
        #expect(outcome.gaps.map(\.message) == messages)
    }

    @Test("a correction supersedes: the corrected observation is kept but not counted")
    func corrections() {
        let outcome = checklist.evaluate([observation("o1", day: 1), observation("o2", day: 2),
                                          observation("o2-fix", day: 2, open: "not-yet", supersedes: "o2")])
        #expect(outcome.status == .notYet)
        #expect(outcome.countedObservations == ["o1", "o2-fix"])
    }
}
