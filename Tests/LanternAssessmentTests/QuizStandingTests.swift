import Foundation
import LanternAssessment
import LanternDiagnostics
import Testing

@Suite("Quiz standing: the one evaluation of attempts")
struct QuizStandingTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func quiz(_ extra: String) throws -> Quiz {
        let (quiz, diagnostics) = Fixture.parse(Fixture.quiz("""
        ## One {#one}

        - [x] right
        - [ ] wrong

        ## Why? {#why type=essay points=3}

        """, extra: extra))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(quiz)
    }

    @Test("limit, grants and wait decide whether a next attempt may start")
    func policy() throws {
        let quiz = try quiz("attempts: 2\nwait: 2h\ngrading: first\n")
        let first = try quiz.take(seed: 1, number: 1, answers: ["one": .choices([0])], startedAt: start, submittedAt: start)
        let second = try quiz.take(seed: 2, number: 2, answers: ["one": .choices([1])], startedAt: start, submittedAt: start.addingTimeInterval(60))
        let standing = QuizStanding.evaluate([second.result, first.result], settings: quiz.settings)
        #expect(standing.attemptsUsed == 2)
        #expect(standing.attemptsLeft == 0)
        #expect(standing.grade?.attemptNumber == 1)
        #expect(standing.refusal(at: start.addingTimeInterval(10 * 3600)) == .noAttemptsLeft(allowed: 2))
        let granted = QuizStanding.evaluate([first.result, second.result], settings: quiz.settings, granted: 1)
        #expect(granted.attemptsLeft == 1)
        #expect(granted.refusal(at: start.addingTimeInterval(3600)) == .waiting(until: start.addingTimeInterval(60 + 7200)))
        #expect(granted.refusal(at: start.addingTimeInterval(60 + 7200)) == nil)
        #expect(throws: LanternError.self) { try quiz.startAttempt(seed: 3, at: start, number: 3) }
        #expect(try quiz.startAttempt(seed: 3, at: start, number: 3, granted: 1).number == 3)
    }

    /// Finding (issue 17): an attempt whose essay was not yet marked counted as passed (on the
    /// auto-graded points alone), so progress and the certificate could count a pass that a
    /// mark of 0 later turned into a fail.
    @Test("an attempt with an answer waiting for a person is not passed until it is marked")
    func awaitingMarking() throws {
        let quiz = try quiz("")
        let (attempt, result) = try quiz.take(seed: 1, answers: ["one": .choices([0]), "why": .text("Because.")], startedAt: start, submittedAt: start)
        #expect(result.total == .one)
        #expect(!result.passed)
        #expect(result.reasons.contains("1 answer waits for a person to mark it, so the quiz is not passed until then"))
        #expect(QuizStanding.evaluate([result], settings: quiz.settings).passed == false)
        // A result recorded before this rule (passed with an answer waiting) does not count either.
        var older = result
        older.passed = true
        #expect(QuizStanding.evaluate([older], settings: quiz.settings).passed == false)
        let marked = quiz.effectiveResult(attempt, recorded: result,
                                          marks: [QuestionMark(questionID: "why", score: .one, feedback: nil, markedBy: "a", markedAt: "1")])
        #expect(marked.passed)
        #expect(QuizStanding.evaluate([marked], settings: quiz.settings).passed)
    }

    @Test("a person's mark counts the essay's points; the latest mark wins; a mark cannot go on an auto-graded question")
    func marks() throws {
        let quiz = try quiz("")
        let (attempt, result) = try quiz.take(seed: 1, answers: ["one": .choices([0]), "why": .text("Because.")], startedAt: start, submittedAt: start)
        #expect(result.needsMarking == ["why"])
        #expect(result.total == .one)
        let marks = [QuestionMark(questionID: "why", score: .one, feedback: nil, markedBy: "a", markedAt: "1"),
                     QuestionMark(questionID: "why", score: Fraction(1, 3), feedback: "Say more.", markedBy: "b", markedAt: "2")]
        let effective = quiz.effectiveResult(attempt, recorded: result, marks: marks)
        #expect(effective.needsMarking.isEmpty)
        #expect(effective.total == Fraction(2, 4))
        #expect(!effective.passed)
        #expect(effective.grade(of: "why")?.feedback.last == "Say more.")
        #expect(throws: LanternError.self) { try quiz.checkMark("one", score: .one, in: result) }
        #expect(throws: LanternError.self) { try quiz.checkMark("why", score: Fraction(3, 2), in: result) }
        #expect(throws: LanternError.self) { try quiz.checkMark("nope", score: .one, in: result) }
        #expect(Fraction.score("75%") == Fraction(3, 4))
        #expect(Fraction.score("0.5") == Fraction(1, 2))
        #expect(Fraction.score("2/3") == Fraction(2, 3))
        #expect(Fraction.score("lots") == nil)
    }
}
