import Foundation
import LanternDiagnostics

extension Quiz {
    /// Starts attempt `number` (1-based) at `time`. The draw and every shuffle come from `seed`,
    /// so the same seed always gives the same attempt. Throws when no attempts are left (the
    /// quiz's `attempts` plus `granted` extra ones; see `QuizStanding` for the whole policy).
    public func startAttempt(seed: UInt64, at time: Date, number: Int = 1, granted: Int = 0) throws(LanternError) -> Attempt {
        if settings.attempts > 0, number > settings.attempts + max(0, granted) {
            throw QuizStanding.Refusal.noAttemptsLeft(allowed: settings.attempts + max(0, granted)).error(quizID: id)
        }
        var generator = SeededGenerator(seed: seed)
        let bank = gradableQuestions
        var chosen = drawnIndices(using: &generator)
        if settings.shuffle {
            chosen = generator.permutation(chosen.count).map { chosen[$0] }
        }
        let presented = chosen.map { index -> PresentedQuestion in
            let question = bank[index]
            return PresentedQuestion(questionID: question.id, contentHash: question.contentHash,
                                     displayOrder: displayOrder(for: question, generator: &generator))
        }
        let deadline = settings.timeLimit.map { time.addingTimeInterval(TimeInterval($0)) }
        return Attempt(quizID: id, number: number, seed: seed, startedAt: time, deadline: deadline, questions: presented)
    }

    private func displayOrder(for question: Question, generator: inout SeededGenerator) -> [Int] {
        switch question.type {
        case .single, .multi:
            return settings.shuffle ? generator.permutation(question.choices.count) : Array(question.choices.indices)
        case .truefalse:
            return Array(question.choices.indices)
        case .matching:
            // Answers are always shuffled, or they would sit beside their prompts.
            return generator.permutation(question.matchingAnswers.count)
        case .ordering:
            // Always shown out of order (rotated once if the shuffle happened to be right).
            var order = generator.permutation(question.items.count)
            if order == Array(question.items.indices), order.count > 1 { order = Array(order[1...]) + [order[0]] }
            return order
        default:
            return []
        }
    }

    /// Submits `attempt` at `time` and grades it.
    public func submit(_ attempt: Attempt, at time: Date) -> AttemptResult {
        var submitted = attempt
        submitted.submittedAt = submitted.submittedAt ?? time
        return grade(submitted)
    }

    /// Grades an attempt against this quiz as it is now (questions it no longer has score 0).
    public func grade(_ attempt: Attempt) -> AttemptResult {
        let grades = attempt.questions.map { presented -> QuestionGrade in
            guard let question = question(presented.questionID) else {
                return QuestionGrade(questionID: presented.questionID, contentHash: presented.contentHash, score: .zero,
                                     points: 0, isCritical: false, answered: attempt.responses[presented.questionID] != nil, feedback: [])
            }
            return Grader.grade(question, response: attempt.responses[presented.questionID])
        }
        return result(for: attempt, grades: grades)
    }

    /// Totals, pass/fail and reasons for a list of question grades.
    func result(for attempt: Attempt, grades: [QuestionGrade]) -> AttemptResult {
        let possible = grades.reduce(0) { $0 + $1.points }
        let earned = grades.reduce(Fraction.zero) { $0 + $1.score * Fraction(Int64($1.points)) }
        let total = possible == 0 ? Fraction.zero : (earned / Fraction(Int64(possible))).clampedToUnit
        let failedCritical = grades.filter { $0.isCritical && !$0.isCorrect }.map(\.questionID)
        let overTime = attempt.deadline.map { deadline in (attempt.submittedAt ?? deadline) > deadline } ?? false
        var reasons: [String] = []
        let reachedMark = total >= settings.passMark
        reasons.append("scored \(total.percentText); the pass mark is \(settings.passMark.percentText)")
        for id in failedCritical {
            reasons.append("safety-critical question '\(id)' was not answered correctly, so the quiz is not passed whatever the total")
        }
        let needsMarking = grades.filter(\.needsMarking).map(\.questionID)
        if !needsMarking.isEmpty {
            // Not passed until a person has marked them: a pass must not turn into a fail later.
            reasons.append("\(needsMarking.count == 1 ? "1 answer waits" : "\(needsMarking.count) answers wait") for a person to mark it, so the quiz is not passed until then")
        }
        return AttemptResult(quizID: id, attemptNumber: attempt.number, seed: attempt.seed, submittedAt: attempt.submittedAt,
                             questions: grades, earned: earned, possible: possible, total: total, passMark: settings.passMark,
                             passed: reachedMark && failedCritical.isEmpty && needsMarking.isEmpty, failedCritical: failedCritical, reasons: reasons,
                             bandFeedback: settings.band(for: total)?.text, overTime: overTime, needsMarking: needsMarking)
    }
}
