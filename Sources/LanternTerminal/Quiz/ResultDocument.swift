import LanternAssessment
import LanternCurriculum
import LanternMarkdown

/// The result screen of a submitted attempt: pass or not and why (failed safety-critical
/// questions named), the score, the score band's advice, outcomes to revisit, attempts left,
/// and each question's feedback when the quiz shows feedback.
public enum ResultDocument {
    public static func make(_ result: AttemptResult, session: QuizSession, attemptsUsed: Int) -> PagerDocument {
        let quiz = session.quiz
        var blocks: [PagerDocument.Block] = []
        blocks.append(.text(result.passed ? "Result: passed" : "Result: not passed yet", style: [.bold, .accent]))
        var summary: [PagerDocument.Block] = [.text("Score: \(result.total.percentText) (the pass mark is \(result.passMark.percentText)).")]
        for reason in result.reasons { summary.append(.text(reason.prefix(1).uppercased() + reason.dropFirst() + ".", first: "- ", rest: "  ")) }
        if result.overTime { summary.append(.text("The time limit ran out; answers given in time were counted.", first: "- ", rest: "  ")) }
        blocks.append(.tight(summary))
        if !result.failedCritical.isEmpty {
            var critical: [PagerDocument.Block] = [.text("Safety-critical questions to get right next time:", style: [.bold])]
            for id in result.failedCritical {
                critical.append(.text(quiz.question(id).map { QuestionText.inline($0.prompt) } ?? id, first: "- ", rest: "  "))
            }
            blocks.append(.tight(critical))
        }
        if let band = result.bandFeedback { blocks.append(.markdown(MarkdownDocument(parsing: band).root)) }
        let revisit = outcomesToRevisit(result, quiz: quiz, module: session.module)
        if !revisit.isEmpty {
            blocks.append(.tight([.text("Outcomes to revisit in the module:", style: [.bold])]
                                 + revisit.map { .text($0, first: "- ", rest: "  ") }))
        }
        let allowed = quiz.settings.attempts
        if allowed > 0 {
            let left = max(0, allowed - attemptsUsed)
            blocks.append(.text("Attempt \(result.attemptNumber) of \(allowed): \(left == 0 ? "no attempts" : left == 1 ? "1 attempt" : "\(left) attempts") left."))
        } else if !result.passed {
            blocks.append(.text("You can try again as many times as you need."))
        }
        if quiz.settings.feedback != .never {
            blocks.append(.text("Your answers", style: [.bold, .accent]))
            for (number, grade) in result.questions.enumerated() {
                let prompt = quiz.question(grade.questionID).map { QuestionText.inline($0.prompt) } ?? grade.questionID
                let verdict = !grade.answered ? "not answered" : grade.needsMarking ? "waiting for a trainer to mark it"
                    : grade.isCorrect ? "right" : grade.score == .zero ? "not right" : "partly right (\(grade.score.percentText))"
                var lines: [PagerDocument.Block] = [.text("\(number + 1). \(prompt)", style: [.bold]), .text(verdict.prefix(1).uppercased() + verdict.dropFirst() + ".")]
                lines += grade.feedback.map { .markdown(MarkdownDocument(parsing: $0).root) }
                blocks.append(.tight(lines))
            }
        }
        blocks.append(.text("Press q to go back to the course map.", style: [.dim]))
        return PagerDocument(title: "\(quiz.title): result", blocks: blocks)
    }

    /// Texts of the module outcomes tested by questions that were not fully right.
    public static func outcomesToRevisit(_ result: AttemptResult, quiz: Quiz, module: Module?) -> [String] {
        var ids: [String] = []
        for grade in result.questions where !grade.isCorrect && !grade.needsMarking {
            for id in quiz.question(grade.questionID)?.outcomes ?? [] where !ids.contains(id) { ids.append(id) }
        }
        return ids.map { id in module?.outcomes.first { $0.id == id }?.text ?? id }
    }
}
