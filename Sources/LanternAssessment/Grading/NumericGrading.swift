/// Numeric answers: value ± tolerance or a range, first match in author order wins, a decimal
/// comma accepted, and a small epsilon so binary rounding never turns a right answer wrong.
enum NumericGrading {
    /// Relative slack added to every tolerance: 1e-9 of the size of the numbers involved.
    static func epsilon(_ values: Double...) -> Double { 1e-9 * max(1, values.map(abs).max() ?? 1) }

    static func accepts(_ target: NumericAnswer.Target, _ value: Double) -> Bool {
        switch target {
        case .any: return true
        case .value(let expected, let tolerance):
            return abs(value - expected) <= tolerance + epsilon(expected, tolerance, value)
        case .range(let low, let high):
            let slack = epsilon(low, high, value)
            return value >= low - slack && value <= high + slack
        }
    }

    static func grade(_ question: Question, response: String) -> (Fraction, [String]) {
        guard let value = NumberText.parse(response) else { return (.zero, []) }
        guard let answer = question.numericAnswers.first(where: { accepts($0.target, value) }) else { return (.zero, []) }
        return (answer.credit.clampedToUnit, answer.feedback.map { [$0] } ?? [])
    }
}
