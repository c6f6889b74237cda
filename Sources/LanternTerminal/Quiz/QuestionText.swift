import LanternAssessment
import LanternMarkdown

/// A question as text lines, shared by the full-screen runner and the plain transcript:
/// the stem (Markdown), then the options numbered and lettered in the order this attempt shows
/// them, then what to type.
enum QuestionText {
    static func lines(_ question: Question, shown presented: PresentedQuestion, selected: Set<Int>? = nil,
                      renderer: TerminalRenderer) -> [TerminalLine] {
        var lines: [TerminalLine] = []
        lines += renderer.renderLines(MarkdownDocument(parsing: question.prompt))
        if let details = question.details, !details.isEmpty {
            lines.append(TerminalLine(text: "", plain: ""))
            lines += renderer.renderLines(MarkdownDocument(parsing: details))
        }
        lines.append(TerminalLine(text: "", plain: ""))
        switch question.type {
        case .single, .multi, .truefalse:
            let order = AnswerInput.order(presented, question.choices.count)
            for (position, authorIndex) in order.enumerated() {
                let mark = selected.map { $0.contains(position) ? (question.type == .multi ? "[x] " : "(*) ") : (question.type == .multi ? "[ ] " : "( ) ") } ?? ""
                let label = "\(mark)\(position + 1). (\(letter(position))) "
                lines += renderer.wrap(inline(question.choices[authorIndex].text), first: label,
                                       rest: String(repeating: " ", count: label.count))
            }
        case .matching:
            lines += renderer.wrap("Items:")
            for (index, pair) in question.pairs.enumerated() {
                let label = "\(index + 1). "
                lines += renderer.wrap(inline(pair.prompt), first: label, rest: String(repeating: " ", count: label.count))
            }
            lines.append(TerminalLine(text: "", plain: ""))
            lines += renderer.wrap("Matches:")
            let answers = question.matchingAnswers
            for (position, authorIndex) in AnswerInput.order(presented, answers.count).enumerated() {
                let label = "(\(letter(position))) "
                lines += renderer.wrap(inline(answers[authorIndex]), first: label, rest: "    ")
            }
        case .ordering:
            for (position, authorIndex) in AnswerInput.order(presented, question.items.count).enumerated() {
                let label = "\(position + 1). "
                lines += renderer.wrap(inline(question.items[authorIndex].text), first: label, rest: String(repeating: " ", count: label.count))
            }
        case .short, .numeric, .essay, .description:
            break
        }
        lines.append(TerminalLine(text: "", plain: ""))
        lines += renderer.wrap(instructions(for: question), style: [.dim])
        return lines
    }

    static func instructions(for question: Question) -> String {
        switch question.type {
        case .single: "Type the number or letter of your answer, then Enter."
        case .truefalse: "Type 1 or 2 (or a, b, or the word), then Enter."
        case .multi: "Choose every answer that applies: numbers or letters, for example 1 3 or ac, then Enter."
        case .matching: "For each item, in order, type the letter of its match (for example b a c), then Enter."
        case .ordering: "Type the numbers in the right order (for example 3 1 2), then Enter."
        case .numeric: "Type a number, then Enter."
        case .short: "Type your answer, then Enter."
        case .essay: "Type your answer on one line, then Enter. A trainer marks it."
        case .description: "Press Enter to go on."
        }
    }

    static func letter(_ position: Int) -> Character {
        Character(Unicode.Scalar(UInt8(97 + min(position, 25))))
    }

    /// Inline Markdown as plain words (the terminal shows options without markup).
    static func inline(_ markdown: String) -> String {
        let document = MarkdownDocument(parsing: markdown)
        let text = document.root.plainText
        return text.isEmpty ? markdown : text
    }
}
