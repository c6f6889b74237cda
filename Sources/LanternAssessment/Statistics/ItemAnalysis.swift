import Foundation
import LanternDiagnostics

/// Classical item analysis over recorded attempts at one quiz: how hard each question was
/// (facility), whether it separates stronger from weaker trainees (discrimination), how often
/// each option was chosen, the quiz's internal consistency (Cronbach's alpha), and questions
/// that look weak. Pure: values in, values out.
public struct ItemAnalysis: Sendable, Hashable, Codable {
    public struct OptionCount: Sendable, Hashable, Codable {
        /// 1-based, as written in the quiz file.
        public var option: Int
        public var text: String
        /// Whether choosing it earns credit.
        public var isKey: Bool
        public var count: Int
        /// count ÷ attempts that were shown the question.
        public var share: Double
    }

    public struct Item: Sendable, Hashable, Codable {
        public var questionID: String
        public var type: String
        /// Attempts that were shown the question.
        public var attempts: Int
        /// Mean score on the question, 0…1 (nil without attempts).
        public var facility: Double?
        /// Correlation of the question's score with the rest of the attempt's score (−1…1;
        /// nil when either does not vary).
        public var discrimination: Double?
        /// Choice questions only.
        public var options: [OptionCount]
        /// Why the question looks weak, in words a trainer can act on.
        public var flags: [String]
    }

    public var quizID: String
    public var attempts: Int
    /// nil when it cannot be computed; `alphaNote` says why.
    public var cronbachAlpha: Double?
    public var alphaNote: String?
    public var items: [Item]

    /// Fewer attempts than this, and no question is flagged (the figures are too noisy).
    public static let minimumAttemptsToFlag = 10

    public static func analyse(_ quiz: Quiz, attempts: [(attempt: Attempt, result: AttemptResult)]) -> ItemAnalysis {
        let questions = quiz.gradableQuestions.filter { $0.type.isAutoGraded }
        // Per attempt: question id → score (0…1) and the rest-of-attempt fraction.
        var items: [Item] = []
        for question in questions {
            var scores: [Double] = []
            var rests: [Double] = []
            var counts = Array(repeating: 0, count: question.choices.count)
            for (attempt, result) in attempts {
                guard let grade = result.grade(of: question.id) else { continue }
                let score = grade.score.doubleValue
                scores.append(score)
                let possible = Double(result.possible - grade.points)
                let earned = result.earned.doubleValue - score * Double(grade.points)
                rests.append(possible > 0 ? earned / possible : 0)
                if case .choices(let chosen)? = attempt.responses[question.id] {
                    for index in Set(chosen) where counts.indices.contains(index) { counts[index] += 1 }
                }
            }
            let shown = scores.count
            let facility = shown > 0 ? scores.reduce(0, +) / Double(shown) : nil
            let discrimination = correlation(scores, rests)
            var options: [OptionCount] = []
            if [.single, .multi, .truefalse].contains(question.type) {
                options = question.choices.enumerated().map { index, choice in
                    OptionCount(option: index + 1, text: choice.text, isKey: choice.credit > .zero, count: counts[index],
                                share: shown > 0 ? Double(counts[index]) / Double(shown) : 0)
                }
            }
            var flags: [String] = []
            if shown >= minimumAttemptsToFlag {
                if let facility, facility < 0.3 { flags.append("very hard: \(percent(facility)) scored") }
                if let facility, facility > 0.95 { flags.append("very easy: \(percent(facility)) scored") }
                if let discrimination, discrimination < 0 {
                    flags.append("negative discrimination (\(String(format: "%.2f", discrimination))): stronger trainees do worse on it; check the key")
                } else if let discrimination, discrimination < 0.2 {
                    flags.append("weak discrimination (\(String(format: "%.2f", discrimination))): it hardly separates stronger from weaker trainees")
                }
                let keyShare = options.filter(\.isKey).map(\.share).max() ?? 0
                for option in options where !option.isKey {
                    if option.count == 0 && question.type != .truefalse {
                        flags.append("option \(option.option) is never chosen: replace it with a believable distractor")
                    } else if question.type == .single && option.share > keyShare {
                        flags.append("option \(option.option) is chosen more often than the answer: check the key and the wording")
                    }
                }
            }
            items.append(Item(questionID: question.id, type: question.type.rawValue, attempts: shown, facility: facility,
                              discrimination: discrimination, options: options, flags: flags))
        }
        let (alpha, note) = cronbachAlpha(questions.map(\.id), attempts.map(\.result))
        return ItemAnalysis(quizID: quiz.id, attempts: attempts.count, cronbachAlpha: alpha, alphaNote: note, items: items)
    }

    /// Alpha over the attempts that were shown every question (all of them unless questions
    /// are drawn), weighting each question by its points.
    static func cronbachAlpha(_ questionIDs: [String], _ results: [AttemptResult]) -> (Double?, String?) {
        let k = questionIDs.count
        guard k >= 2 else { return (nil, "needs at least two questions") }
        var matrix: [[Double]] = []
        for result in results {
            var row: [Double] = []
            for id in questionIDs {
                guard let grade = result.grade(of: id) else { break }
                row.append(grade.score.doubleValue * Double(max(1, grade.points)))
            }
            if row.count == k { matrix.append(row) }
        }
        guard matrix.count >= 2 else {
            return (nil, results.count >= 2 ? "questions are drawn, so too few attempts saw every question" : "needs at least two attempts")
        }
        let itemVariance = (0..<k).map { column in variance(matrix.map { $0[column] }) }.reduce(0, +)
        let totalVariance = variance(matrix.map { $0.reduce(0, +) })
        guard totalVariance > 0 else { return (nil, "every attempt scored the same") }
        let alpha = Double(k) / Double(k - 1) * (1 - itemVariance / totalVariance)
        return (alpha, matrix.count < results.count ? "over the \(matrix.count) attempts that saw every question" : nil)
    }

    static func variance(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
    }

    /// Pearson correlation, nil when either series is constant or too short.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    private static func percent(_ value: Double) -> String { Wording.percent(value) }
}
