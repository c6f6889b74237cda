/// Single choice, multiple response and true/false.
enum ChoiceGrading {
    static func grade(_ question: Question, selected: [Int]) -> (Fraction, [String]) {
        // Valid choices, sorted, each once (no Set for a handful of numbers).
        var valid = selected.filter { question.choices.indices.contains($0) }.sorted()
        if valid.count > 1 {
            var unique = 1
            for index in 1..<valid.count where valid[index] != valid[unique - 1] {
                valid[unique] = valid[index]
                unique += 1
            }
            valid.removeLast(valid.count - unique)
        }
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
