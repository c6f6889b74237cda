import Foundation
import LanternAssessment
import LanternMarkdown

/// The full-screen quiz: one question at a time, the answer typed on the answer line (options
/// light up as they are chosen), ←/→ between questions, a review before submitting, and
/// feedback after each answer when the quiz says so.
public struct QuizScreen: Sendable {
    public enum Outcome: Sendable, Equatable {
        case stay
        /// Save this answer to the question on screen.
        case save(Response)
        case submit
        /// Esc: back to the map; the attempt stays open to resume.
        case leave
        /// Ctrl-C, closed terminal, SIGTERM.
        case quit
    }

    public var session: QuizSession
    public var size: TerminalSize
    public var input = ""
    public var message: String?
    /// Feedback being shown for the answer just given (after-each quizzes).
    public var feedback: QuestionGrade?
    var scroll = 0
    let color: Bool

    public init(session: QuizSession, size: TerminalSize, color: Bool) {
        self.session = session
        self.size = size
        self.color = color
    }

    var contentHeight: Int { max(1, size.rows - 4) }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .interrupt, .endOfInput, .terminate: return .quit
        case .resize: return .stay
        default: break
        }
        message = nil
        if feedback != nil {
            if key == .enter || key == .right || key == .character(" ") { feedback = nil; move(to: session.index + 1) }
            else if key == .escape { return .leave }
            return .stay
        }
        if session.isReviewing {
            switch key {
            case .enter, .character("s"), .character("S"): return .submit
            case .left, .backspace: move(to: session.count - 1)
            case .character(let digit) where digit.isNumber:
                if let number = digit.wholeNumberValue, number >= 1, number <= session.count { move(to: number - 1) }
            case .escape: return .leave
            default: message = "Enter submits; ← goes back to the questions; Esc finishes later."
            }
            return .stay
        }
        switch key {
        case .escape:
            return .leave
        case .enter:
            if input.isEmpty {
                if let (question, _) = session.current, session.attempt.responses[question.id] != nil || question.type == .description {
                    move(to: session.index + 1)
                } else {
                    message = "Type an answer, or → to come back to this question later."
                }
                return .stay
            }
            guard session.canChange(session.index) else {
                message = "You have seen the feedback, so this answer is final."
                return .stay
            }
            guard let (question, presented) = session.current else { return .stay }
            switch AnswerInput.parse(input, for: question, shown: presented) {
            case .success(let response): return .save(response)
            case .failure(let problem): message = problem.message
            }
        case .backspace:
            if !input.isEmpty { input.removeLast() }
        case .left where input.isEmpty:
            move(to: session.index - 1)
        case .right where input.isEmpty, .tab:
            move(to: session.index + 1)
        case .pageDown, .down:
            scroll += key == .down ? 1 : contentHeight - 1
        case .pageUp, .up:
            scroll = max(0, scroll - (key == .up ? 1 : contentHeight - 1))
        case .character(let character):
            if input.count < 500 { input.append(character) }
        default:
            break
        }
        return .stay
    }

    /// Moves to a question (or the review after the last), clearing the answer line.
    public mutating func move(to index: Int) {
        session.index = max(0, min(session.count, index))
        input = ""
        scroll = 0
    }

    public func frame(at time: Date) -> Frame {
        let paint = Painter(color: color)
        let width = size.columns
        let renderer = TerminalRenderer(options: .init(width: max(20, min(width, 100)), color: color))
        var facts = session.isReviewing ? "Review" : "Question \(session.index + 1) of \(session.count)"
        facts += " · \(session.attemptText)"
        if let time = session.timeText(at: time) { facts += " · \(time)" }
        var rows = [paint.bar(TextFit.pad(TextFit.spread(" " + session.quiz.title, facts + " ", width: width), to: width))]
        var content: [TerminalLine]
        var answerLine: String
        var keys: String
        if let feedback {
            content = feedbackLines(feedback, renderer: renderer)
            answerLine = "Your answer is saved."
            keys = "Enter next question  Esc finish later"
        } else if session.isReviewing {
            content = reviewLines(renderer: renderer)
            answerLine = "Submit now? Enter submits."
            keys = "Enter submit  ← back  1-9 go to  Esc later"
        } else if let (question, presented) = session.current {
            let answered = session.attempt.responses[question.id]
            let selection = AnswerInput.preview(input, for: question) ?? answered.flatMap { shownSelection($0, presented) }
            content = QuestionText.lines(question, shown: presented, selected: [.single, .multi, .truefalse].contains(question.type) ? (selection ?? []) : nil,
                                         renderer: renderer)
            if question.isCritical {
                content = renderer.wrap("Safety-critical: this question must be right to pass.", style: [.bold])
                    + [TerminalLine(text: "", plain: "")] + content
            }
            if let answered, input.isEmpty {
                content.append(TerminalLine(text: "", plain: ""))
                content += renderer.wrap("Saved answer: " + describe(answered, question, presented), style: [.dim])
            }
            answerLine = "Answer: " + input + "▏"
            keys = "Enter save  ← → questions  PgUp/PgDn scroll  ! crisis  Esc finish later"
        } else {
            content = []
            answerLine = ""
            keys = "Esc back"
        }
        let start = min(scroll, max(0, content.count - contentHeight))
        rows += content.dropFirst(start).prefix(contentHeight).map(\.text)
        while rows.count < contentHeight + 1 { rows.append("") }
        let more = content.count > start + contentHeight ? " (more below: PgDn)" : ""
        rows.append(paint.bold(TextFit.clip(message.map { "! " + $0 } ?? more, to: width)))
        rows.append(TextFit.clip(answerLine, to: width))
        rows.append(paint.bar(TextFit.pad(" " + (width >= 64 ? keys : "Enter save  Esc later"), to: width)))
        return Frame(rows: Array(rows.prefix(size.rows)))
    }

    private func shownSelection(_ response: Response, _ presented: PresentedQuestion) -> Set<Int>? {
        guard case .choices(let chosen) = response else { return nil }
        return Set(chosen.compactMap { presented.displayOrder.isEmpty ? $0 : presented.displayOrder.firstIndex(of: $0) })
    }

    private func reviewLines(renderer: TerminalRenderer) -> [TerminalLine] {
        var lines = renderer.wrap("You have answered \(session.answeredCount) of \(session.count) questions.", style: [.bold])
        lines.append(TerminalLine(text: "", plain: ""))
        for index in 0..<session.count {
            guard let (question, _) = session.question(at: index) else { continue }
            let state = session.attempt.responses[question.id] == nil ? "not answered" : "answered"
            lines += renderer.wrap("\(QuestionText.inline(question.prompt)) (\(state))", first: "\(index + 1). ", rest: "   ")
        }
        lines.append(TerminalLine(text: "", plain: ""))
        lines += renderer.wrap("Questions not answered score nothing. Press Enter to submit, or a question's number to go back to it.")
        return lines
    }

    private func feedbackLines(_ grade: QuestionGrade, renderer: TerminalRenderer) -> [TerminalLine] {
        let verdict = grade.isCorrect ? "Right." : grade.score == .zero ? "Not right." : "Partly right (\(grade.score.percentText))."
        var lines = renderer.wrap(verdict, style: [.bold])
        for text in grade.feedback {
            lines.append(TerminalLine(text: "", plain: ""))
            lines += renderer.renderLines(MarkdownDocument(parsing: text))
        }
        return lines
    }

    func describe(_ response: Response, _ question: Question, _ presented: PresentedQuestion) -> String {
        QuizAnswerText.describe(response, question, presented)
    }
}

/// A saved answer in the words and positions the trainee used.
enum QuizAnswerText {
    static func describe(_ response: Response, _ question: Question, _ presented: PresentedQuestion) -> String {
        switch response {
        case .text(let text): return text
        case .choices(let chosen):
            let order = AnswerInput.order(presented, question.choices.count)
            return chosen.compactMap { order.firstIndex(of: $0) }.sorted().map { String($0 + 1) }.joined(separator: " ")
        case .matches(let matches):
            let order = AnswerInput.order(presented, question.matchingAnswers.count)
            return matches.map { $0.flatMap { order.firstIndex(of: $0) }.map { String(QuestionText.letter($0)) } ?? "-" }.joined(separator: " ")
        case .order(let items):
            let order = AnswerInput.order(presented, question.items.count)
            return items.compactMap { order.firstIndex(of: $0) }.map { String($0 + 1) }.joined(separator: " ")
        }
    }
}
