import Foundation
import LanternAssessment

/// Benchmarks (not tests). `swift run -c release lantern-bench grading`
/// grades a million responses of mixed types and prints responses per second.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.first == "grading" else {
    print("usage: lantern-bench grading [count]")
    exit(2)
}
let count = arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000

let questions: [Question] = [
    Question(id: "single", type: .single, prompt: "p", choices: (0..<4).map { Choice(text: "o\($0)", credit: $0 == 1 ? .one : .zero) }),
    Question(id: "multi", type: .multi, prompt: "p", choices: (0..<5).map { Choice(text: "o\($0)", credit: $0 < 3 ? Fraction(1, 3) : Fraction(-1, 2)) }),
    Question(id: "tf", type: .truefalse, prompt: "p", choices: [Choice(text: "True", credit: .zero), Choice(text: "False", credit: .one)]),
    Question(id: "short", type: .short, prompt: "p", shortAnswers: [ShortAnswer(pattern: "paraphrasing", credit: .one),
                                                                     ShortAnswer(pattern: "paraphras*", credit: Fraction(1, 2)),
                                                                     ShortAnswer(pattern: "*", credit: .zero)]),
    Question(id: "numeric", type: .numeric, prompt: "p", numericAnswers: [NumericAnswer(target: .value(6, tolerance: 0.5), text: "6 ± 0.5", credit: .one),
                                                                          NumericAnswer(target: .range(4, 8), text: "4..8", credit: Fraction(1, 2))]),
    Question(id: "matching", type: .matching, prompt: "p", pairs: (0..<5).map { MatchPair(prompt: "p\($0)", answer: "a\($0)") }, distractors: ["x"]),
    Question(id: "ordering", type: .ordering, prompt: "p", items: (0..<6).map { OrderItem(text: "i\($0)") }, orderingCredit: .sequence),
]
let hashes = questions.map(\.contentHash)
var generator = SeededGenerator(seed: 2026)
let responses: [(Int, Response)] = (0..<4096).map { index in
    let q = index % questions.count
    switch questions[q].type {
    case .single, .truefalse: return (q, .choices([Int(generator.next() % 4)]))
    case .multi: return (q, .choices(Array(generator.permutation(5).prefix(Int(generator.next() % 5)))))
    case .short: return (q, .text(["Paraphrasing", "paraphrase", "listening", "  PARAPHRASING "][Int(generator.next() % 4)]))
    case .numeric: return (q, .text(["6", "5,8", "7.9", "12"][Int(generator.next() % 4)]))
    case .matching: return (q, .matches(generator.permutation(6).prefix(5).map { $0 }))
    default: return (q, .order(generator.permutation(6)))
    }
}

var checksum = Fraction.zero
let clock = ContinuousClock()
let elapsed = clock.measure {
    for index in 0..<count {
        let (q, response) = responses[index & 4095]
        let grade = Grader.grade(questions[q], response: response, contentHash: hashes[q])
        if index & 1023 == 0 { checksum += grade.score }
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("graded \(count) responses of 7 types in \(String(format: "%.3f", seconds)) s: \(Int(Double(count) / seconds)) responses/second (checksum \(checksum))")

// Whole attempts: start (seeded draw and shuffles), answer every question, submit (hashes included).
let quiz = Quiz(id: "bench", moduleID: "m", title: "Bench", settings: QuizSettings(passMark: Fraction(4, 5), shuffle: true), questions: questions)
let attempts = max(1, count / 100)
let start = Date(timeIntervalSince1970: 0)
let attemptTime = clock.measure {
    for index in 0..<attempts {
        var attempt = try! quiz.startAttempt(seed: UInt64(index), at: start)
        for (q, response) in responses.prefix(questions.count) { attempt.responses[questions[q].id] = response }
        _ = quiz.submit(attempt, at: start)
    }
}
let attemptSeconds = Double(attemptTime.components.seconds) + Double(attemptTime.components.attoseconds) / 1e18
print("started, answered and submitted \(attempts) attempts of \(questions.count) questions in \(String(format: "%.3f", attemptSeconds)) s: \(Int(Double(attempts) / attemptSeconds)) attempts/second")
