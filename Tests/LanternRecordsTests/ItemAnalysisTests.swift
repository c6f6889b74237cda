import Foundation
import LanternAssessment
import Testing

@Suite("item analysis")
struct ItemAnalysisTests {
    /// Two single-choice questions: q1 key 0, q2 key 1 (options: 0, 1, 2).
    static let quiz: Quiz = {
        func question(_ id: String, key: Int) -> Question {
            Question(id: id, type: .single, prompt: id,
                     choices: (0..<3).map { Choice(text: "option \($0)", credit: $0 == key ? .one : .zero) })
        }
        return Quiz(id: "q", moduleID: "m", title: "Q", settings: QuizSettings(passMark: Fraction(1, 2)), questions: [question("q1", key: 0), question("q2", key: 1)])
    }()

    static func take(_ choices: [String: Int], seed: UInt64) throws -> (attempt: Attempt, result: AttemptResult) {
        let start = Date(timeIntervalSince1970: 0)
        let taken = try quiz.take(seed: seed, answers: choices.mapValues { .choices([$0]) }, startedAt: start, submittedAt: start)
        return (taken.attempt, taken.result)
    }

    @Test("facility, option counts, discrimination and alpha match hand calculation")
    func figures() throws {
        // q1 right in 3 of 4 attempts, q2 right in 2 of 4, right together (consistent trainees).
        let attempts = [
            try Self.take(["q1": 0, "q2": 1], seed: 1),
            try Self.take(["q1": 0, "q2": 1], seed: 2),
            try Self.take(["q1": 0, "q2": 2], seed: 3),
            try Self.take(["q1": 1, "q2": 2], seed: 4),
        ]
        let analysis = ItemAnalysis.analyse(Self.quiz, attempts: attempts)
        #expect(analysis.attempts == 4)
        let q1 = try #require(analysis.items.first { $0.questionID == "q1" })
        let q2 = try #require(analysis.items.first { $0.questionID == "q2" })
        #expect(q1.facility == 0.75)
        #expect(q2.facility == 0.5)
        #expect(q1.options.map(\.count) == [3, 1, 0])
        #expect(q2.options.map(\.count) == [0, 2, 2])
        #expect(q1.options.map(\.isKey) == [true, false, false])
        // q1 = [1,1,1,0], rest (q2) = [1,1,0,0]: r = 0.577…
        #expect(abs((q1.discrimination ?? 0) - 0.5773502692) < 1e-9)
        // Item variances 0.25 and 0.3333; totals [2,2,1,0] variance 0.9167: alpha = 2 × (1 − 0.5833/0.9167) = 0.7273.
        #expect(abs((analysis.cronbachAlpha ?? 0) - 0.7272727273) < 1e-9)
        // Too few attempts to flag anything.
        #expect(analysis.items.allSatisfy { $0.flags.isEmpty })
    }

    @Test("weak questions are flagged from ten attempts on")
    func flags() throws {
        // q1: everyone right (very easy, distractors never chosen); q2: weaker trainees right,
        // stronger ones wrong (negative discrimination).
        var attempts: [(attempt: Attempt, result: AttemptResult)] = []
        for index in 0..<12 {
            attempts.append(try Self.take(["q1": 0, "q2": index < 6 ? 1 : 0], seed: UInt64(index)))
        }
        let analysis = ItemAnalysis.analyse(Self.quiz, attempts: attempts)
        let q1 = try #require(analysis.items.first { $0.questionID == "q1" })
        #expect(q1.flags.contains { $0.hasPrefix("very easy") })
        #expect(q1.flags.contains("option 2 is never chosen: replace it with a believable distractor"))
        #expect(q1.discrimination == nil)
        let q2 = try #require(analysis.items.first { $0.questionID == "q2" })
        #expect(q2.flags.isEmpty == false)
    }
}
