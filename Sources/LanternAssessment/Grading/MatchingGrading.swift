/// Matching: right pairs ÷ pairs; distractor answers match no prompt.
enum MatchingGrading {
    static func grade(_ question: Question, matches: [Int?]) -> (Fraction, [String]) {
        guard !question.pairs.isEmpty else { return (.zero, []) }
        let answers = question.matchingAnswers
        var right: Int64 = 0
        var feedback: [String] = []
        for (index, pair) in question.pairs.enumerated() {
            let chosen = index < matches.count ? matches[index] : nil
            if let chosen, answers.indices.contains(chosen), answers[chosen] == pair.answer {
                right += 1
            } else if let note = pair.feedback {
                feedback.append(note)
            }
        }
        return (Fraction(right, Int64(question.pairs.count)), feedback)
    }
}
