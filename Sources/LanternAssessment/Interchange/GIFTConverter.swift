import Foundation
import LanternCurriculum

/// Turns GIFT questions into Lantern questions (the meaning kept, the text turned into Markdown).
enum GIFTConverter {
    static func markdown(_ text: GIFTQuestion.Text) -> String {
        switch text.format {
        case .markdown: text.text
        // Moodle's own format ("moodle auto-format") lets HTML through, as `[html]` does.
        case .html, .moodle: TextFormat.markdown(fromHTML: text.text)
        case .plain: TextFormat.markdown(fromPlain: text.text)
        }
    }

    /// The first paragraph as a one-line prompt; the rest as details. The prompt stops at a line
    /// break (`<br>`) or where a list starts, so neither is lost in the one-line heading.
    static func promptAndDetails(_ markdown: String) -> (String, String?) {
        let paragraphs = markdown.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard let first = paragraphs.first else { return ("", nil) }
        let lines = first.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var promptLines: [String] = []
        var rest: [String] = []
        for (index, line) in lines.enumerated() {
            if index > 0, startsListItem(line) {
                rest = Array(lines[index...])
                break
            }
            if line.hasSuffix("\\"), !line.hasSuffix("\\\\") || line.hasSuffix("\\\\\\") {
                promptLines.append(String(line.dropLast()).trimmingCharacters(in: .whitespaces))
                rest = Array(lines[(index + 1)...])
                break
            }
            promptLines.append(line)
        }
        let details = ([rest.joined(separator: "\n")] + paragraphs.dropFirst()).filter { !$0.isEmpty }.joined(separator: "\n\n")
        return (promptLines.joined(separator: " "), details.isEmpty ? nil : details)
    }

    /// `- x`, `* x`, `+ x`, `1. x` or `1) x`: a Markdown list item.
    private static func startsListItem(_ line: String) -> Bool {
        if line.count >= 2, "-*+".contains(line.first!), line.dropFirst().first == " " { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let after = line.dropFirst(digits.count)
        return (after.first == "." || after.first == ")") && after.dropFirst().first == " "
    }

    static func questions(_ gift: [GIFTQuestion]) -> [Question] {
        var used = Set<String>()
        var result: [Question] = []
        for (index, source) in gift.enumerated() {
            var base = "q\(index + 1)"
            if let id = source.id, Slug.isValid(id) { base = id }
            else if let title = source.title, !title.isEmpty { base = Slug.suggestion(for: title) }
            var id = base
            var suffix = 2
            while used.contains(id) { id = "\(base)-\(suffix)"; suffix += 1 }
            used.insert(id)
            result.append(question(source, id: id))
        }
        return result
    }

    static func question(_ source: GIFTQuestion, id: String) -> Question {
        let (prompt, details) = promptAndDetails(markdown(source.stem))
        var question = Question(id: id, type: .description, prompt: prompt, details: details,
                                generalFeedback: source.generalFeedback.map(markdown).flatMap { $0.isEmpty ? nil : $0 })
        func feedback(_ text: GIFTQuestion.Text?) -> String? { text.map(markdown).flatMap { $0.isEmpty ? nil : $0 } }
        switch source.kind {
        case .description: question.type = .description
        case .essay: question.type = .essay
        case .trueFalse:
            question.type = .truefalse
            let isTrue = source.isTrue ?? true
            question.choices = [
                Choice(text: "True", credit: isTrue ? .one : .zero, feedback: feedback(isTrue ? source.rightFeedback : source.wrongFeedback)),
                Choice(text: "False", credit: isTrue ? .zero : .one, feedback: feedback(isTrue ? source.wrongFeedback : source.rightFeedback)),
            ]
        case .multipleChoice:
            // As Moodle: any '=' answer makes it single choice (one answer is chosen).
            let single = source.answers.contains(where: \.isCorrect)
            question.type = single ? .single : .multi
            // Several '=' answers: any of them is fully right, which Lantern writes as [100%] each.
            let severalRight = single && source.answers.filter({ $0.isCorrect && ($0.weight ?? .one) == .one }).count > 1
            question.choices = source.answers.map { answer in
                let credit = answer.weight ?? (answer.isCorrect ? .one : .zero)
                return Choice(text: markdown(answer.text), credit: credit, hasExplicitCredit: answer.weight != nil || !single || severalRight,
                              feedback: feedback(answer.feedback))
            }
        case .shortAnswer:
            question.type = .short
            question.shortAnswers = source.answers.map { answer in
                ShortAnswer(pattern: answer.text.text, credit: answer.weight ?? (answer.isCorrect ? .one : .zero), feedback: feedback(answer.feedback))
            }
        case .numerical:
            question.type = .numeric
            question.numericAnswers = source.numerical.map { answer in
                NumericAnswer(target: answer.target, text: canonicalNumber(answer.target), credit: answer.weight ?? (answer.isCorrect ? .one : .zero),
                              feedback: feedback(answer.feedback))
            }
        case .matching:
            question.type = .matching
            for pair in source.pairs {
                let prompt = markdown(pair.prompt)
                if prompt.isEmpty { question.distractors.append(pair.answer) } else { question.pairs.append(MatchPair(prompt: prompt, answer: pair.answer)) }
            }
        }
        return question
    }

    /// How Lantern writes a numeric answer: `6`, `6 ± 0.5`, `5..7`, `*`.
    static func canonicalNumber(_ target: NumericAnswer.Target) -> String {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        }
        switch target {
        case .any: return "*"
        case .value(let value, let tolerance): return tolerance == 0 ? number(value) : "\(number(value)) ± \(number(tolerance))"
        case .range(let low, let high): return "\(number(low))..\(number(high))"
        }
    }
}
