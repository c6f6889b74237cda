import Foundation
import LanternAssessment
import Testing

/// Properties checked over many generated quizzes and responses (a seeded generator keeps
/// every run the same, so a failure can be replayed).
@Suite("Properties")
struct PropertyTests {
    /// A random but valid quiz of every auto-graded type.
    static func randomQuiz(_ generator: inout SeededGenerator) -> Quiz {
        func credit() -> Fraction { Fraction(Int64(generator.next() % 201) - 100, 100) }
        var questions: [Question] = []
        for index in 0..<12 {
            let id = "q\(index)"
            let count = Int(generator.next() % 5) + 2
            switch index % 7 {
            case 0:
                var choices = (0..<count).map { Choice(text: "o\($0)", credit: credit(), hasExplicitCredit: true) }
                choices[0].credit = .one
                questions.append(Question(id: id, type: .single, prompt: "p", choices: choices))
            case 1:
                let choices = (0..<count).map { Choice(text: "o\($0)", credit: credit(), hasExplicitCredit: true) }
                questions.append(Question(id: id, type: .multi, prompt: "p", choices: choices, allOrNothing: generator.next() % 2 == 0))
            case 2:
                questions.append(Question(id: id, type: .truefalse, prompt: "p", choices: [Choice(text: "True", credit: .one), Choice(text: "False", credit: .zero)]))
            case 3:
                questions.append(Question(id: id, type: .short, prompt: "p", shortAnswers: [ShortAnswer(pattern: "a*b", credit: credit()), ShortAnswer(pattern: "*", credit: credit())]))
            case 4:
                questions.append(Question(id: id, type: .numeric, prompt: "p", numericAnswers: [NumericAnswer(target: .value(5, tolerance: 1), text: "5 ± 1", credit: credit()),
                                                                                              NumericAnswer(target: .range(-3, 3), text: "-3..3", credit: credit())]))
            case 5:
                questions.append(Question(id: id, type: .matching, prompt: "p", pairs: (0..<count).map { MatchPair(prompt: "p\($0)", answer: "a\($0)") }, distractors: ["x"]))
            default:
                questions.append(Question(id: id, type: .ordering, prompt: "p", items: (0..<count).map { OrderItem(text: "i\($0)") },
                                          orderingCredit: [.allOrNothing, .position, .sequence][Int(generator.next() % 3)]))
            }
            questions[questions.count - 1].points = Int(generator.next() % 3) + 1
            questions[questions.count - 1].isCritical = generator.next() % 5 == 0
        }
        return Quiz(id: "random", moduleID: "m", title: "Random",
                    settings: QuizSettings(passMark: Fraction(3, 5), shuffle: true, draw: 10), questions: questions)
    }

    static func randomResponse(_ question: Question, _ generator: inout SeededGenerator) -> Response {
        func pick(_ count: Int) -> [Int] { (0..<Int(generator.next() % 4)).map { _ in Int(generator.next() % UInt64(count + 1)) - (generator.next() % 9 == 0 ? 5 : 0) } }
        switch question.type {
        case .single, .multi, .truefalse: return .choices(pick(question.choices.count))
        case .short: return .text(["ab", "a long b", "nope", "", " AXB "][Int(generator.next() % 5)])
        case .numeric: return .text(["5", "5,9", "0", "-3", "x", "1e300", "6.0000000001"][Int(generator.next() % 7)])
        case .matching: return .matches(question.pairs.map { _ in generator.next() % 4 == 0 ? nil : Int(generator.next() % UInt64(question.pairs.count + 2)) })
        case .ordering: return .order(generator.permutation(question.items.count))
        default: return .text("")
        }
    }

    @Test("scores are always within 0…1, per question and in total", arguments: 0..<20)
    func scoresInRange(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let quiz = Self.randomQuiz(&generator)
        let start = Date(timeIntervalSince1970: 0)
        var attempt = try quiz.startAttempt(seed: generator.next(), at: start)
        for presented in attempt.questions {
            attempt = try attempt.answering(presented.questionID, with: Self.randomResponse(quiz.question(presented.questionID)!, &generator), at: start)
        }
        let result = quiz.submit(attempt, at: start)
        for grade in result.questions { #expect(grade.score >= .zero && grade.score <= .one) }
        #expect(result.total >= .zero && result.total <= .one)
        if !result.failedCritical.isEmpty { #expect(!result.passed) }
    }

    @Test("shuffles are permutations, reproducible from the seed", arguments: 0..<20)
    func shuffles(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &* 7919)
        let quiz = Self.randomQuiz(&generator)
        let attemptSeed = generator.next()
        let first = try quiz.startAttempt(seed: attemptSeed, at: Date(timeIntervalSince1970: 0))
        let again = try quiz.startAttempt(seed: attemptSeed, at: Date(timeIntervalSince1970: 0))
        #expect(first == again)
        #expect(Set(first.questions.map(\.questionID)).count == 10)
        for presented in first.questions {
            let question = try #require(quiz.question(presented.questionID))
            let count: Int
            switch question.type {
            case .matching: count = question.matchingAnswers.count
            case .ordering: count = question.items.count
            default: count = question.choices.count
            }
            #expect(presented.displayOrder.sorted() == Array(0..<count))
            if question.type == .ordering { #expect(presented.displayOrder != Array(0..<count)) }
        }
        var permutations = SeededGenerator(seed: UInt64(seed))
        let permutation = permutations.permutation(seed + 1)
        #expect(permutation.sorted() == Array(0..<(seed + 1)))
    }

    @Test("regrading an unchanged quiz changes nothing", arguments: 0..<20)
    func regradeUnchanged(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 99)
        let quiz = Self.randomQuiz(&generator)
        var answers: [String: Response] = [:]
        let attempt0 = try quiz.startAttempt(seed: 5, at: Date(timeIntervalSince1970: 0))
        for presented in attempt0.questions { answers[presented.questionID] = Self.randomResponse(quiz.question(presented.questionID)!, &generator) }
        let (attempt, result) = try quiz.take(seed: 5, answers: answers, startedAt: Date(timeIntervalSince1970: 0), submittedAt: Date(timeIntervalSince1970: 1))
        let report = quiz.regrade(attempt, previous: result)
        #expect(report.isUnchanged)
        #expect(report.after == result)
    }
}
