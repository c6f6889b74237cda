/// Several attempts combined into one grade by the quiz's rule (highest, average, first, last).
public struct QuizGrade: Sendable, Hashable, Codable {
    public var total: Fraction
    public var passed: Bool
    /// The attempt the grade comes from (nil for `average`).
    public var attemptNumber: Int?
    public var attemptsCounted: Int

    /// Combines submitted attempts, in the order they were taken.
    ///
    /// - highest: the best attempt (a passed attempt beats a higher total that failed a critical question);
    /// - first / last: that attempt;
    /// - average: the mean total; passed when the mean reaches the pass mark and the last
    ///   attempt got every safety-critical question right.
    ///
    /// An attempt with answers still waiting for a person to mark them never counts as passed
    /// (results recorded before this rule included), so a pass cannot turn into a fail later.
    public static func combine(_ results: [AttemptResult], rule: QuizSettings.Combining, passMark: Fraction) -> QuizGrade? {
        let results = results.map { result in
            var settled = result
            if !result.needsMarking.isEmpty { settled.passed = false }
            return settled
        }
        guard let first = results.first, let last = results.last else { return nil }
        switch rule {
        case .first: return QuizGrade(total: first.total, passed: first.passed, attemptNumber: first.attemptNumber, attemptsCounted: results.count)
        case .last: return QuizGrade(total: last.total, passed: last.passed, attemptNumber: last.attemptNumber, attemptsCounted: results.count)
        case .highest:
            let best = results.max { rank($0) < rank($1) } ?? first
            return QuizGrade(total: best.total, passed: best.passed, attemptNumber: best.attemptNumber, attemptsCounted: results.count)
        case .average:
            let sum = results.reduce(Fraction.zero) { $0 + $1.total }
            let mean = sum / Fraction(Int64(results.count))
            return QuizGrade(total: mean, passed: mean >= passMark && last.failedCritical.isEmpty && results.allSatisfy(\.needsMarking.isEmpty), attemptNumber: nil,
                             attemptsCounted: results.count)
        }
    }

    private static func rank(_ result: AttemptResult) -> (Int, Fraction, Int) {
        (result.passed ? 1 : 0, result.total, -result.attemptNumber)
    }
}
