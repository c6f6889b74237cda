import Foundation
import LanternCurriculum
import LanternDiagnostics

/// A file of answers for `lantern quiz take QUIZ --answers FILE`: a YAML (or JSON) mapping from
/// question id to answer. Options, pairs and items are named by their text or by their number
/// in the quiz file (1 = first, as written, whatever order an attempt shows them in).
///
/// ```yaml
/// reflect: 2                      # single choice: option number, letter (b) or text
/// open-questions: [1, 2]          # multiple response: a list
/// recovery-tf: false              # true/false: true or false
/// para: paraphrasing              # short answer: the text
/// steps: "6,0"                    # numeric: a number (decimal comma allowed)
/// roadblocks:                     # matching: prompt → answer (texts), or a list of answers in prompt order
///   "At least you still have a job.": Minimising
/// safety-plan-order: [1, 2, 3, 4, 6, 5]   # ordering: item numbers or texts, first to last
/// ```
public enum AnswersFile {
    /// Reads answers for `quiz`, reporting each bad answer at its line and column.
    public static func parse(_ text: String, path: String, quiz: Quiz, engine: DiagnosticsEngine) -> [String: Response] {
        let root: YAMLNode
        do {
            root = try YAMLNode.parse(text, path: path)
        } catch {
            engine.emit(error.diagnostic)
            return [:]
        }
        guard case .mapping(let pairs) = root.content else {
            engine.error("expected-mapping", "an answers file should map question ids to answers", at: root.location,
                         hint: "write one 'question-id: answer' line per question")
            return [:]
        }
        var responses: [String: Response] = [:]
        for (key, value) in pairs {
            guard let id = key.scalar else {
                engine.error("wrong-type", "a question id must be a plain name", at: key.location)
                continue
            }
            guard let question = quiz.question(id) else {
                engine.error("unknown-question", "quiz '\(quiz.id)' has no question '\(id)'", at: key.location,
                             hint: Suggestions.didYouMean(id, in: quiz.questions.map(\.id)))
                continue
            }
            if let response = read(value, for: question, engine: engine) { responses[id] = response }
        }
        return responses
    }

    /// As `parse(_:path:quiz:engine:)`, throwing the first problem.
    public static func parse(_ text: String, path: String, quiz: Quiz) throws(LanternError) -> [String: Response] {
        let engine = DiagnosticsEngine()
        let responses = parse(text, path: path, quiz: quiz, engine: engine)
        if let first = Diagnostic.sorted(engine.diagnostics).first(where: { $0.severity == .error }) {
            throw LanternError(first.code, first.message, at: first.location, hint: first.hint)
        }
        return responses
    }

    private static func read(_ node: YAMLNode, for question: Question, engine: DiagnosticsEngine) -> Response? {
        switch question.type {
        case .single, .truefalse:
            guard let text = node.scalar else {
                engine.error("wrong-type", "question '\(question.id)' takes one option, not \(node.kindDescription)", at: node.location,
                             hint: "give the option's number or text")
                return nil
            }
            return option(text, at: node.location, in: question, engine: engine).map { .choices([$0]) }
        case .multi:
            let values = list(node)
            var selected: [Int] = []
            for (text, location) in values {
                guard let index = option(text, at: location, in: question, engine: engine) else { return nil }
                selected.append(index)
            }
            return .choices(selected)
        case .short, .numeric, .essay:
            guard let text = node.scalar else {
                engine.error("wrong-type", "question '\(question.id)' takes a text answer, not \(node.kindDescription)", at: node.location)
                return nil
            }
            if question.type == .numeric, NumberText.parse(text) == nil {
                engine.error("not-a-number", "the answer to question '\(question.id)' should be a number, not '\(text)'", at: node.location,
                             hint: "for example 6 or 6.5 (a decimal comma is fine)")
                return nil
            }
            return .text(text)
        case .matching:
            let answers = question.matchingAnswers
            var matches = [Int?](repeating: nil, count: question.pairs.count)
            func answerIndex(_ text: String, _ location: SourceLocation) -> Int? {
                if let index = answers.firstIndex(where: { same($0, text) }) { return index }
                engine.error("unknown-answer", "'\(text)' is not one of the answers of question '\(question.id)'", at: location,
                             hint: Suggestions.didYouMean(text, in: answers) ?? "answers: \(answers.joined(separator: ", "))")
                return nil
            }
            switch node.content {
            case .mapping(let pairs):
                for (key, value) in pairs {
                    guard let prompt = key.scalar, let promptIndex = question.pairs.firstIndex(where: { same($0.prompt, prompt) }) else {
                        engine.error("unknown-prompt", "'\(key.scalar ?? "")' is not a prompt of question '\(question.id)'", at: key.location,
                                     hint: Suggestions.didYouMean(key.scalar ?? "", in: question.pairs.map(\.prompt)))
                        return nil
                    }
                    guard let text = value.scalar, let index = answerIndex(text, value.location) else { return nil }
                    matches[promptIndex] = index
                }
            case .sequence:
                let values = list(node)
                if values.count != question.pairs.count {
                    engine.error("wrong-count", "question '\(question.id)' has \(question.pairs.count) prompts, but \(values.count) answers were given",
                                 at: node.location, hint: "give one answer per prompt, in the order of the quiz file")
                    return nil
                }
                for (position, (text, location)) in values.enumerated() {
                    guard let index = answerIndex(text, location) else { return nil }
                    matches[position] = index
                }
            case .scalar:
                engine.error("wrong-type", "question '\(question.id)' takes prompt: answer pairs", at: node.location,
                             hint: "write each prompt and its answer on an indented line")
                return nil
            }
            return .matches(matches)
        case .ordering:
            var order: [Int] = []
            for (text, location) in list(node) {
                let index: Int?
                if let number = Int(text), number >= 1, number <= question.items.count { index = number - 1 }
                else { index = question.items.firstIndex { same($0.text, text) } }
                guard let index else {
                    engine.error("unknown-item", "'\(text)' is not an item of question '\(question.id)'", at: location,
                             hint: "give item numbers 1 to \(question.items.count) or the items' text")
                    return nil
                }
                if order.contains(index) {
                    engine.error("duplicate-item", "item \(index + 1) is listed twice", at: location, hint: "list every item once")
                    return nil
                }
                order.append(index)
            }
            return .order(order)
        case .description:
            engine.error("no-answer-expected", "'\(question.id)' is a description and takes no answer", at: node.location,
                         hint: "remove this line")
            return nil
        }
    }

    private static func list(_ node: YAMLNode) -> [(String, SourceLocation)] {
        switch node.content {
        case .sequence(let items): items.compactMap { item in item.scalar.map { ($0, item.location) } }
        case .scalar: node.scalar.map { [($0, node.location)] } ?? []
        case .mapping: []
        }
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        ShortAnswerMatcher.normalize(a, caseSensitive: false) == ShortAnswerMatcher.normalize(b, caseSensitive: false)
    }

    /// An option by number (1-based), letter (a, b, …), true/false, or text.
    private static func option(_ text: String, at location: SourceLocation, in question: Question, engine: DiagnosticsEngine) -> Int? {
        let count = question.choices.count
        if let number = Int(text) {
            if number >= 1, number <= count { return number - 1 }
            engine.error("no-such-option", "question '\(question.id)' has options 1 to \(count), not \(number)", at: location)
            return nil
        }
        let lower = text.lowercased()
        if lower.count == 1, let scalar = lower.unicodeScalars.first, scalar.value >= 97, scalar.value < 97 + UInt32(count) {
            return Int(scalar.value - 97)
        }
        if question.type == .truefalse, let value = QuestionReader.truthValue(lower) {
            if let index = question.choices.firstIndex(where: { QuestionReader.truthValue($0.text) == value }) { return index }
        }
        if let index = question.choices.firstIndex(where: { same($0.text, text) || same(unquoted($0.text), text) }) { return index }
        engine.error("no-such-option", "'\(text)' is not an option of question '\(question.id)'", at: location,
                     hint: "give the option's number (1 to \(count)), letter or exact text")
        return nil
    }

    private static func unquoted(_ text: String) -> String {
        var value = text
        for (open, close) in [("\"", "\""), ("“", "”")] where value.hasPrefix(open) && value.hasSuffix(close) && value.count >= 2 {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }
}
