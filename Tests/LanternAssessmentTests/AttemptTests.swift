import Foundation
import LanternAssessment
import LanternDiagnostics
import Testing

@Suite("Attempts, results and regrading")
struct AttemptTests {
    static let body = """
    ## One {#one}

    - [x] right
    - [ ] wrong

    ## Two {#two points=3}

    - [x] right
    - [ ] wrong

    ## Safety {#safe critical}

    - [x] call for help
    - [ ] wait
      > Waiting is not safe.
    """

    static func quiz(extra: String = "") throws -> Quiz {
        let (quiz, diagnostics) = Fixture.parse(Fixture.quiz(body, extra: extra))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(quiz)
    }

    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("start → answer → submit gives a weighted total, pass/fail and why")
    func passAndFail() throws {
        let quiz = try Self.quiz()
        var attempt = try quiz.startAttempt(seed: 7, at: start)
        attempt = try attempt.answering("one", with: .choices([1]), at: start)
        attempt = try attempt.answering("two", with: .choices([0]), at: start)
        attempt = try attempt.answering("safe", with: .choices([0]), at: start)
        let result = quiz.submit(attempt, at: start.addingTimeInterval(60))
        #expect(result.total == Fraction(4, 5))
        #expect(result.passed)
        #expect(result.failedCritical.isEmpty)
    }

    @Test("a wrong safety-critical answer fails the quiz whatever the total, and says which")
    func criticalFails() throws {
        let quiz = try Self.quiz(extra: "bands:\n  - from: 50%\n    text: Nearly.\n  - from: 0%\n    text: Again.\n")
        let (_, result) = try quiz.take(seed: 1, answers: ["one": .choices([0]), "two": .choices([0]), "safe": .choices([1])],
                                        startedAt: start, submittedAt: start)
        #expect(result.total == Fraction(4, 5))
        #expect(!result.passed)
        #expect(result.failedCritical == ["safe"])
        #expect(result.reasons.contains { $0.contains("safety-critical question 'safe'") })
        #expect(result.bandFeedback == "Nearly.")
        #expect(result.grade(of: "safe")?.feedback == ["Waiting is not safe."])
    }

    @Test("the same seed gives the same attempt; shuffles are permutations")
    func seeded() throws {
        let quiz = try Self.quiz(extra: "shuffle: true\ndraw: 2\n")
        let a = try quiz.startAttempt(seed: 42, at: start)
        let b = try quiz.startAttempt(seed: 42, at: start)
        #expect(a == b)
        #expect(a.questions.count == 2)
        var differs = false
        for seed in UInt64(0)..<30 {
            let other = try quiz.startAttempt(seed: seed, at: start)
            differs = differs || other.questions.map(\.questionID) != a.questions.map(\.questionID)
            for presented in other.questions { #expect(presented.displayOrder.sorted() == [0, 1]) }
        }
        #expect(differs)
    }

    @Test("attempt limits and time limits use the times passed in")
    func limits() throws {
        let quiz = try Self.quiz(extra: "attempts: 2\ntime_limit: 10m\n")
        #expect(throws: LanternError.self) { try quiz.startAttempt(seed: 1, at: start, number: 3) }
        let attempt = try quiz.startAttempt(seed: 1, at: start, number: 2)
        #expect(attempt.deadline == start.addingTimeInterval(600))
        _ = try attempt.answering("one", with: .choices([0]), at: start.addingTimeInterval(599))
        #expect(throws: LanternError.self) { try attempt.answering("one", with: .choices([0]), at: start.addingTimeInterval(601)) }
        #expect(quiz.submit(attempt, at: start.addingTimeInterval(700)).overTime)
        #expect(!quiz.submit(attempt, at: start.addingTimeInterval(500)).overTime)
    }

    @Test("combining attempts", arguments: [
        (QuizSettings.Combining.highest, Fraction.one, true), (.first, Fraction(1, 5), false), (.last, Fraction(4, 5), true),
        (.average, Fraction(2, 3), false),
    ])
    func combining(rule: QuizSettings.Combining, total: Fraction, passed: Bool) throws {
        let quiz = try Self.quiz()
        let answers: [[String: Response]] = [
            ["one": .choices([0]), "two": .choices([1]), "safe": .choices([1])],
            ["one": .choices([0]), "two": .choices([0]), "safe": .choices([0])],
            ["one": .choices([1]), "two": .choices([0]), "safe": .choices([0])],
        ]
        var results = try answers.enumerated().map { index, set in
            try quiz.take(seed: 1, number: index + 1, answers: set, startedAt: start, submittedAt: start).result
        }
        results = [results[0], results[1], results[2]]
        let grade = try #require(QuizGrade.combine(results, rule: rule, passMark: quiz.settings.passMark))
        #expect(grade.total == total)
        #expect(grade.passed == passed)
    }

    @Test("regrading: unchanged changes nothing; a changed question gives a dry-run diff")
    func regrade() throws {
        let quiz = try Self.quiz()
        let (attempt, result) = try quiz.take(seed: 3, answers: ["one": .choices([1]), "two": .choices([1]), "safe": .choices([0])],
                                              startedAt: start, submittedAt: start)
        #expect(quiz.regrade(attempt, previous: result).isUnchanged)
        let (fixed, _) = Fixture.parse(Fixture.quiz(Self.body.replacingOccurrences(of: "## One {#one}\n\n- [x] right\n- [ ] wrong",
                                                                                   with: "## One {#one}\n\n- [x] right\n- [x] wrong")
                                                            .replacingOccurrences(of: "## One {#one}", with: "## One {#one type=multi}")))
        let changedQuiz = try #require(fixed)
        let report = changedQuiz.regrade(attempt, previous: result)
        #expect(report.changes.map(\.questionID) == ["one"])
        #expect(report.changes.first?.oldScore == .zero)
        #expect(report.changes.first?.newScore == Fraction(1, 2))
        #expect(report.before == result)
        #expect(report.after.total > result.total)
    }

    @Test("attempts and results round-trip through stable JSON")
    func json() throws {
        let quiz = try Self.quiz()
        let (attempt, result) = try quiz.take(seed: 9, answers: ["one": .choices([1])], startedAt: start, submittedAt: start)
        let text = try AssessmentJSON.encode(attempt)
        #expect(try AssessmentJSON.decode(Attempt.self, from: text) == attempt)
        #expect(try AssessmentJSON.encode(try AssessmentJSON.decode(Attempt.self, from: text)) == text)
        #expect(try AssessmentJSON.decode(AttemptResult.self, from: try AssessmentJSON.encode(result)) == result)
        #expect(text.contains("\"responses\":{\"one\":{\"choices\":[1]}}"))
    }
}
