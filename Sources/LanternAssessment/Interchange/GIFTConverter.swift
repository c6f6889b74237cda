import Foundation
import LanternCurriculum

/// Turns GIFT questions into Lantern questions (the meaning kept, the text turned into Markdown).
enum GIFTConverter {
    static func markdown(_ text: GIFTQuestion.Text) -> String {
        switch text.format {
        case .markdown: text.text
        case .html: TextFormat.markdown(fromHTML: text.text)
        case .moodle, .plain: TextFormat.markdown(fromPlain: text.text)
        }
    }

    /// The first paragraph as a one-line prompt; the rest as details.
    static func promptAndDetails(_ markdown: String) -> (String, String?) {
        let paragraphs = markdown.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard let first = paragraphs.first else { return ("", nil) }
        let prompt = first.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let rest = paragraphs.dropFirst().joined(separator: "\n\n")
        return (prompt, rest.isEmpty ? nil : rest)
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
                                generalFeedback: source.generalFeedback.map(markdown))
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
            let single = source.answers.contains(where: \.isCorrect)
            question.type = single ? .single : .multi
            question.choices = source.answers.map { answer in
                let credit = answer.weight ?? (answer.isCorrect ? .one : .zero)
                return Choice(text: markdown(answer.text), credit: credit, hasExplicitCredit: answer.weight != nil || !single,
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
