/// Grades one question: values in, a grade out. Pure and deterministic.
public enum Grader {
    /// The grade for `response` (nil: not answered). A response of the wrong shape for the
    /// question's type scores 0.
    public static func grade(_ question: Question, response: Response?, contentHash: String? = nil) -> QuestionGrade {
        let hash = contentHash ?? question.contentHash
        var score = Fraction.zero
        var feedback: [String] = []
        var answered = response != nil
        switch (question.type, response) {
        case (.single, .choices(let selected)?), (.multi, .choices(let selected)?), (.truefalse, .choices(let selected)?):
            (score, feedback) = ChoiceGrading.grade(question, selected: selected)
            answered = !selected.isEmpty
        case (.short, .text(let text)?):
            (score, feedback) = ShortAnswerMatcher.grade(question, response: text)
            answered = !text.allSatisfy(\.isWhitespace)
        case (.numeric, .text(let text)?):
            (score, feedback) = NumericGrading.grade(question, response: text)
            answered = !text.allSatisfy(\.isWhitespace)
        case (.matching, .matches(let matches)?):
            (score, feedback) = MatchingGrading.grade(question, matches: matches)
            answered = matches.contains { $0 != nil }
        case (.ordering, .order(let order)?):
            (score, feedback) = OrderingGrading.grade(question, order: order)
        case (.essay, _), (.description, _):
            return QuestionGrade(questionID: question.id, contentHash: hash, score: .zero, points: 0, isCritical: false,
                                 answered: answered, needsMarking: question.type == .essay && answered,
                                 feedback: question.generalFeedback.map { [$0] } ?? [])
        default:
            break
        }
        if let general = question.generalFeedback { feedback.append(general) }
        return QuestionGrade(questionID: question.id, contentHash: hash, score: score.clampedToUnit, points: question.points,
                             isCritical: question.isCritical, answered: answered, feedback: feedback)
    }
}
