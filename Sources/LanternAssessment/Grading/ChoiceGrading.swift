/// Single choice, multiple response and true/false.
enum ChoiceGrading {
    static func grade(_ question: Question, selected: [Int]) -> (Fraction, [String]) {
        let valid = Array(Set(selected.filter { question.choices.indices.contains($0) })).sorted()
        let feedback = valid.compactMap { question.choices[$0].feedback }
        switch question.type {
        case .multi:
            if question.allOrNothing {
                let right = Set(question.choices.indices.filter { question.choices[$0].credit > .zero })
                return (Set(valid) == right ? .one : .zero, feedback)
            }
            let sum = valid.reduce(Fraction.zero) { $0 + question.choices[$1].credit }
            return (sum.clampedToUnit, feedback)
        default:
            guard valid.count == 1 else { return (.zero, valid.count > 1 ? [] : feedback) }
            return (question.choices[valid[0]].credit.clampedToUnit, feedback)
        }
    }
}
