import Foundation
import LanternCurriculum
import LanternDiagnostics

/// A file of answers for `lantern quiz take QUIZ --answers FILE`: a YAML (or JSON) mapping from
/// question id to answer. Options and pairs are named by their text or by their number in the
/// quiz file (1 = first, as written, whatever order an attempt shows them in). Ordering items
/// are named by their text only: the quiz file lists them in the right order, so an item's
/// number there would be its place in the answer, and "1, 2, 3" would always score.
///
/// ```yaml
/// reflect: 2                      # single choice: option number, letter (b) or text
/// open-questions: [1, 2]          # multiple response: a list
/// recovery-tf: false              # true/false: true or false
/// para: paraphrasing              # short answer: the text
/// steps: "6,0"                    # numeric: a number (decimal comma allowed)
/// roadblocks:                     # matching: prompt → answer (texts), or a list of answers in prompt order
///   "At least you still have a job.": Minimising
/// plan-order: [Warning signs, Coping strategies, People and places]   # ordering: every item's text, first to last
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
            // Left empty (a sheet not filled in everywhere): unanswered, as in the learner.
            if value.isNull { continue }
            if case .mapping(let pairs) = value.content, question.type == .matching, pairs.allSatisfy({ $0.value.isNull }) { continue }
            if let response = read(value, for: question, engine: engine) { responses[id] = response }
        }
        return responses
    }

    /// As `parse(_:path:quiz:engine:)`, throwing every problem at once (the first in file
    /// order, the rest in `LanternError.alsoFound`) so nothing is recorded from a file with any.
    public static func parse(_ text: String, path: String, quiz: Quiz) throws(LanternError) -> [String: Response] {
        let engine = DiagnosticsEngine()
        let responses = parse(text, path: path, quiz: quiz, engine: engine)
        if let error = LanternError(collecting: engine.diagnostics) { throw error }
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
            var bad = false
            for (text, location) in values {
                if let index = option(text, at: location, in: question, engine: engine) { selected.append(index) } else { bad = true }
            }
            return bad ? nil : .choices(selected)
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
            var bad = false
            switch node.content {
            case .mapping(let pairs):
                for (key, value) in pairs {
                    guard let prompt = key.scalar, let promptIndex = question.pairs.firstIndex(where: { same($0.prompt, prompt) }) else {
                        engine.error("unknown-prompt", "'\(key.scalar ?? "")' is not a prompt of question '\(question.id)'", at: key.location,
                                     hint: Suggestions.didYouMean(key.scalar ?? "", in: question.pairs.map(\.prompt)))
                        bad = true
                        continue
                    }
                    if value.isNull { continue }   // this prompt left unanswered
                    guard let text = value.scalar else {
                        engine.error("wrong-type", "the answer to '\(prompt)' should be one text, not \(value.kindDescription)", at: value.location)
                        bad = true
                        continue
                    }
                    if let index = answerIndex(text, value.location) { matches[promptIndex] = index } else { bad = true }
                }
            case .sequence:
                let values = list(node)
                if values.count != question.pairs.count {
                    engine.error("wrong-count", "question '\(question.id)' has \(question.pairs.count) prompts, but \(values.count) answers were given",
                                 at: node.location, hint: "give one answer per prompt, in the order of the quiz file")
                    return nil
                }
                for (position, (text, location)) in values.enumerated() {
                    if let index = answerIndex(text, location) { matches[position] = index } else { bad = true }
                }
            case .scalar:
                engine.error("wrong-type", "question '\(question.id)' takes prompt: answer pairs", at: node.location,
                             hint: "write each prompt and its answer on an indented line")
                return nil
            }
            return bad ? nil : .matches(matches)
        case .ordering:
            // By text only: the quiz file lists the items in the right order, so a number would
            // name an item by its place in the answer.
            let texts = question.items.map(\.text)
            var order: [Int] = []
            var bad = false
            let values = list(node)
            for (text, location) in values {
                guard let index = question.items.firstIndex(where: { same($0.text, text) }) else {
                    if Int(text) != nil {
                        engine.error("item-by-number", "name the items of ordering question '\(question.id)' by their text, not by number", at: location,
                                     hint: "the quiz file lists the items in the right order, so numbers would give the answer away; write each item's text")
                    } else {
                        engine.error("unknown-item", "'\(text)' is not an item of question '\(question.id)'", at: location,
                                     hint: Suggestions.didYouMean(text, in: texts) ?? "write each item's text, first to last")
                    }
                    bad = true
                    continue
                }
                if order.contains(index) {
                    engine.error("duplicate-item", "'\(question.items[index].text)' is listed twice", at: location, hint: "list every item once")
                    bad = true
                    continue
                }
                order.append(index)
            }
            if !bad, order.count != texts.count {
                engine.error("wrong-count", "question '\(question.id)' has \(texts.count) items, but \(values.count) were given", at: node.location,
                             hint: "list every item once, first to last")
                bad = true
            }
            return bad ? nil : .order(order)
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
