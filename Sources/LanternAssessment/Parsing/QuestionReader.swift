import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown

/// Turns one question (its heading and the blocks up to the next heading) into a `Question`,
/// reporting every authoring mistake at its line and column.
struct QuestionReader {
    let source: MarkdownSource
    let path: String
    let engine: DiagnosticsEngine
    let quizAllOrNothing: Bool
    let outcomes: Set<String>?

    private func at(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    func read(heading: MarkdownNode, blocks: [MarkdownNode]) -> Question? {
        let headingLocation = at(heading.range.start)
        let attributes = HeadingAttributes.read(line: source.line(heading.range.start.line), lineNumber: heading.range.start.line,
                                                path: path, engine: engine)
        if attributes.prompt.isEmpty {
            engine.error("empty-question", "the question heading has no text", at: headingLocation,
                         hint: "write the question after '## '")
        }
        guard let id = attributes.id else {
            engine.error("missing-id", "the question has no id", at: headingLocation,
                         hint: "end the heading with {#\(Slug.suggestion(for: String(attributes.prompt.prefix(30))))}")
            return nil
        }
        if let known = outcomes {
            for (outcome, location) in attributes.outcomes where !known.contains(outcome) {
                engine.error("unknown-outcome", "the module has no outcome '\(outcome)'", at: location,
                             hint: Suggestions.didYouMean(outcome, in: known) ?? "outcomes of the module: \(known.sorted().joined(separator: ", "))")
            }
        }

        // Sort the blocks into details, answers and general feedback.
        var details: [MarkdownNode] = []
        var answers: [RawAnswer] = []
        var general: [String] = []
        var answersSeen = false
        // An essay or description has no answers to end its text: its general feedback is a
        // `>` quote after a `---` line, so a quote in the scenario stays part of the question.
        var afterBreak = false
        for block in blocks {
            if attributes.type == .essay || attributes.type == .description {
                if case .thematicBreak = block.kind, !afterBreak { afterBreak = true; continue }
                if afterBreak {
                    if case .blockQuote = block.kind {
                        general.append(source.quoteText(of: block.range))
                    } else {
                        engine.error("text-after-answers", "only a '>' quote (the general feedback) may follow the '---' line of question '\(id)'",
                                     at: at(block.range.start), hint: "put the question's text before the '---' line")
                    }
                    continue
                }
                // No answers to find: lists and '=' lines are part of the text (a case study's list).
                details.append(block)
                continue
            }
            switch block.kind {
            case .list(let info):
                answersSeen = true
                for item in block.children { answers.append(readItem(item, ordered: info.style == .ordered)) }
            case .paragraph where source.text(of: block.range).hasPrefix("="):
                answersSeen = true
                answers.append(contentsOf: readEqualsLines(block))
            case .blockQuote:
                if answersSeen { general.append(source.quoteText(of: block.range)) } else { details.append(block) }
            default:
                if answersSeen {
                    engine.error("text-after-answers", "text after the answers of question '\(id)'", at: at(block.range.start),
                                 hint: "put the scenario before the answers, or general feedback in a '>' quote after them")
                } else {
                    details.append(block)
                }
            }
        }

        var question = Question(id: id, type: attributes.type ?? inferType(answers), prompt: attributes.prompt,
                                details: source.blockText(of: details),
                                generalFeedback: general.isEmpty ? nil : general.joined(separator: "\n\n"),
                                isCritical: attributes.isCritical, outcomes: attributes.outcomes.map(\.0), tags: attributes.tags.map(\.0), points: attributes.points,
                                caseSensitive: attributes.caseSensitive,
                                allOrNothing: attributes.allOrNothing || quizAllOrNothing,
                                orderingCredit: attributes.partial ?? .allOrNothing, location: headingLocation)
        if attributes.partial != nil, question.type != .ordering, let location = attributes.partialLocation {
            engine.error("invalid-attribute", "'partial=' applies only to ordering questions", at: location,
                         hint: "remove it, or add type=ordering")
        }
        if attributes.caseSensitive, question.type != .short {
            engine.warning("invalid-attribute", "'case' applies only to short-answer questions", at: headingLocation, hint: "remove 'case'")
        }
        if attributes.type == nil, attributes.typeLocation != nil {
            return question // the unknown type is reported already; its answers cannot be judged
        }
        if answers.isEmpty, question.type != .essay, question.type != .description {
            engine.error("no-answers", "question '\(id)' has no answers", at: headingLocation,
                         hint: "add options such as '- [x] right answer' and '- [ ] wrong answer' under the heading")
            return question
        }
        switch question.type {
        case .single, .multi, .truefalse: readChoices(answers, into: &question, headingLocation: headingLocation)
        case .short: readShort(answers, into: &question, headingLocation: headingLocation)
        case .numeric: readNumeric(answers, into: &question, headingLocation: headingLocation)
        case .matching: readMatching(answers, into: &question, headingLocation: headingLocation)
        case .ordering: readOrdering(answers, into: &question, headingLocation: headingLocation)
        case .essay, .description:
            if let first = answers.first {
                engine.error("unexpected-answers", "\(question.type.rawValue) questions take no answers", at: first.location,
                             hint: "remove the answers, or choose another type=")
            }
        }
        return question
    }

    // MARK: - Raw answers

    private func readItem(_ item: MarkdownNode, ordered: Bool) -> RawAnswer {
        var texts: [String] = []
        var feedback: [String] = []
        for child in item.children {
            switch child.kind {
            case .paragraph: texts.append(source.text(of: child.range))
            case .blockQuote: feedback.append(source.quoteText(of: child.range))
            case .list:
                engine.error("nested-list", "a list inside an answer is not allowed", at: at(child.range.start),
                             hint: "write each answer as one line; indent only a '>' feedback quote under it")
            default:
                texts.append(source.blockText(of: [child]) ?? "")
            }
        }
        var answer = RawAnswer(text: texts.joined(separator: "\n\n"), feedback: feedback.isEmpty ? nil : feedback.joined(separator: "\n\n"),
                               location: at(item.range.start), isOrdered: ordered)
        if let (marker, rest) = CreditMarker.split(answer.text) {
            switch marker {
            case .success(let value): answer.marker = value
            case .failure(let error): answer.invalidMarker = error.text
            }
            answer.text = rest
        }
        return answer
    }

    private func readEqualsLines(_ paragraph: MarkdownNode) -> [RawAnswer] {
        var answers: [RawAnswer] = []
        for line in paragraph.range.start.line...paragraph.range.end.line {
            let bytes = source.line(line)
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            let text = String(decoding: bytes.dropFirst(indent), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let location = SourceLocation(path: path, line: line, column: indent + 1)
            guard text.hasPrefix("=") else {
                engine.error("expected-answer", "expected an '= answer' line", at: location,
                             hint: "write each accepted answer on its own line starting with '= '")
                continue
            }
            var rest = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
            var marker = CreditMarker.correct
            if let (parsed, after) = CreditMarker.split(rest), case .success(let value) = parsed {
                marker = value
                rest = after
            }
            answers.append(RawAnswer(marker: marker, text: rest, location: location, isEqualsLine: true))
        }
        return answers
    }

    private func inferType(_ answers: [RawAnswer]) -> QuestionType {
        guard !answers.isEmpty else { return .single }
        if answers.allSatisfy(\.isEqualsLine) {
            return answers.allSatisfy({ NumberText.parseTarget($0.text) != nil }) ? .numeric : .short
        }
        if answers.allSatisfy({ $0.marker == nil && $0.invalidMarker == nil }) {
            if answers.allSatisfy({ $0.text.contains("->") }) || answers.contains(where: { $0.text.hasPrefix("->") }) { return .matching }
            if answers.allSatisfy(\.isOrdered) { return .ordering }
        }
        if answers.count == 2, Set(answers.map { Self.truthValue($0.text) }) == [true, false] { return .truefalse }
        return .single
    }

    /// `True`/`False` (any case, trailing full stop allowed) as a value.
    static func truthValue(_ text: String) -> Bool? {
        var word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        switch word {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    private func markerProblem(_ answer: RawAnswer, required: Bool) -> Bool {
        if let invalid = answer.invalidMarker {
            engine.error("invalid-credit", "'[\(invalid)]' is not a credit", at: answer.location,
                         hint: "use [x] for right, [ ] for wrong, or a percentage from -100% to 100% such as [50%]")
            return true
        }
        if required, answer.marker == nil {
            engine.error("missing-marker", "this answer has no [x] or [ ] in front of it", at: answer.location,
                         hint: "start the line with '- [x] ' for a right answer or '- [ ] ' for a wrong one")
            return true
        }
        return false
    }

    // MARK: - By type

    private func readChoices(_ answers: [RawAnswer], into question: inout Question, headingLocation: SourceLocation) {
        for answer in answers where answer.marker != nil && answer.text.isEmpty {
            engine.error("empty-answer", "this option has no text", at: answer.location, hint: "write the option after the [x] or [ ]")
        }
        let valid = answers.filter { !markerProblem($0, required: true) }
        guard valid.count == answers.count else { return }
        var choices: [Choice] = []
        if question.type == .multi {
            let explicit = answers.compactMap { answer -> Fraction? in
                if case .explicit(let value)? = answer.marker { return value }
                return nil
            }
            let positive = explicit.filter { $0 > .zero }.reduce(Fraction.zero, +)
            let negative = explicit.filter { $0 < .zero }.reduce(Fraction.zero, +)
            let right = answers.filter { $0.marker == .correct }.count
            let wrong = answers.filter { $0.marker == .wrong }.count
            let rightShare = right == 0 || positive >= .one ? .zero : (Fraction.one - positive) / Fraction(Int64(right))
            let wrongShare = wrong == 0 || negative <= Fraction(-1) ? .zero : (Fraction(-1) - negative) / Fraction(Int64(wrong))
            for answer in answers {
                switch answer.marker {
                case .correct?: choices.append(Choice(text: answer.text, credit: rightShare, feedback: answer.feedback))
                case .wrong?: choices.append(Choice(text: answer.text, credit: wrongShare, feedback: answer.feedback))
                case .explicit(let value)?: choices.append(Choice(text: answer.text, credit: value, hasExplicitCredit: true, feedback: answer.feedback))
                case nil: break
                }
            }
        } else {
            for answer in answers {
                switch answer.marker {
                case .correct?: choices.append(Choice(text: answer.text, credit: .one, feedback: answer.feedback))
                case .wrong?: choices.append(Choice(text: answer.text, credit: .zero, feedback: answer.feedback))
                case .explicit(let value)?: choices.append(Choice(text: answer.text, credit: value, hasExplicitCredit: true, feedback: answer.feedback))
                case nil: break
                }
            }
        }
        question.choices = choices
        let id = question.id
        switch question.type {
        case .truefalse:
            let values = answers.map { Self.truthValue($0.text) }
            if answers.count != 2 || Set(values) != [true, false] {
                engine.error("invalid-truefalse", "a true/false question needs exactly two options, True and False", at: headingLocation,
                             hint: "write '- [x] True' and '- [ ] False' (or the other way round)")
            } else if choices.filter({ $0.credit == .one }).count != 1 || choices.contains(where: { $0.credit != .one && $0.credit != .zero }) {
                engine.error("no-correct-answer", "true/false question '\(id)' needs exactly one of True and False marked [x]",
                             at: headingLocation, hint: "mark the right one '- [x]' and the other '- [ ]'")
            }
        case .single:
            let full = answers.indices.filter { choices[$0].credit == .one }
            if full.isEmpty {
                engine.error("no-correct-answer", "question '\(id)' has no correct answer", at: headingLocation,
                             hint: "mark the right option '- [x]' (or give it [100%])")
            } else if full.count > 1, !full.allSatisfy({ choices[$0].hasExplicitCredit }) {
                // Several options each written [100%] say on purpose that any of them is fully
                // right (as GIFT's '=' answers in a multiple-choice question do); two [x] are a slip.
                engine.error("two-correct-answers", "single-choice question '\(id)' has more than one correct answer", at: answers[full[1]].location,
                             hint: "mark only one option [x], or add 'type=multi' to the heading if several are right")
            }
        case .multi:
            if !choices.contains(where: { $0.credit > .zero }) {
                engine.error("no-correct-answer", "question '\(id)' has no correct answer", at: headingLocation,
                             hint: "mark every right option '- [x]'")
            } else if question.allOrNothing ? !choices.contains(where: { $0.credit <= .zero })
                        : choices.reduce(Fraction.zero, { $0 + $1.credit }) >= .one {
                engine.error("select-all-scores-full", "in multiple-response question '\(id)', selecting every option scores 100%",
                             at: headingLocation,
                             hint: question.allOrNothing || !choices.contains(where: { $0.credit < .zero })
                                ? "add at least one wrong option '- [ ]'"
                                : "give the wrong options negative credit so that ticking everything is not full marks")
            }
        default: break
        }
    }

    private func readShort(_ answers: [RawAnswer], into question: inout Question, headingLocation: SourceLocation) {
        for answer in answers where !markerProblem(answer, required: true) {
            let credit: Fraction
            switch answer.marker {
            case .explicit(let value)?: credit = value
            case .correct?: credit = .one
            default: credit = .zero
            }
            if answer.text.isEmpty {
                engine.error("empty-answer", "this answer is empty", at: answer.location, hint: "write the accepted text, or '*' for everything else")
                continue
            }
            question.shortAnswers.append(ShortAnswer(pattern: answer.text, credit: credit, feedback: answer.feedback))
        }
        if !question.shortAnswers.contains(where: { $0.credit == .one }) {
            engine.error("no-correct-answer", "question '\(question.id)' has no answer that gets full marks", at: headingLocation,
                         hint: "mark an accepted answer '- [x] text' or write '= text'")
        }
        if let index = question.shortAnswers.firstIndex(where: \.isCatchAll), index < question.shortAnswers.count - 1 {
            engine.warning("unreachable-answer", "answers after the catch-all '*' can never match", at: answers[index + 1].location,
                           hint: "move the '*' answer to the end")
        }
    }

    private func readNumeric(_ answers: [RawAnswer], into question: inout Question, headingLocation: SourceLocation) {
        for answer in answers where !markerProblem(answer, required: true) {
            guard let target = NumberText.parseTarget(answer.text) else {
                engine.error("not-a-number", "numeric answer '\(answer.text)' is not a number", at: answer.location,
                             hint: "write a number such as '6', '6 ± 0.5' or a range '5..7'")
                continue
            }
            let credit: Fraction
            switch answer.marker {
            case .explicit(let value)?: credit = value
            case .correct?: credit = .one
            default: credit = .zero
            }
            question.numericAnswers.append(NumericAnswer(target: target, text: answer.text, credit: credit, feedback: answer.feedback))
        }
        if !question.numericAnswers.contains(where: { $0.credit == .one }), question.numericAnswers.count == answers.count {
            engine.error("no-correct-answer", "question '\(question.id)' has no answer that gets full marks", at: headingLocation,
                         hint: "write the right value as '= 6' or '- [x] 6'")
        }
    }

    private func readMatching(_ answers: [RawAnswer], into question: inout Question, headingLocation: SourceLocation) {
        for answer in answers {
            if answer.marker != nil || answer.invalidMarker != nil {
                engine.error("unexpected-marker", "matching pairs take no [x] or [ ]", at: answer.location,
                             hint: "write '- prompt -> answer'")
                continue
            }
            guard let arrow = answer.text.range(of: "->") else {
                engine.error("expected-pair", "expected 'prompt -> answer'", at: answer.location,
                             hint: "write each pair as '- prompt -> answer', and '- -> answer' for an answer that matches nothing")
                continue
            }
            let prompt = String(answer.text[..<arrow.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
            let right = String(answer.text[arrow.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
            if right.isEmpty {
                engine.error("expected-pair", "this pair has no answer after '->'", at: answer.location, hint: "write '- prompt -> answer'")
            } else if prompt.isEmpty {
                question.distractors.append(right)
            } else {
                question.pairs.append(MatchPair(prompt: prompt, answer: right, feedback: answer.feedback))
            }
        }
        var seen = Set<String>()
        for (pair, answer) in zip(question.pairs, answers.filter({ !($0.text.hasPrefix("->")) })) where !seen.insert(pair.prompt).inserted {
            engine.error("duplicate-prompt", "the prompt '\(pair.prompt)' appears twice", at: answer.location, hint: "make each prompt different")
        }
        if question.pairs.count < 2, answers.count > 0 {
            engine.error("too-few-pairs", "matching question '\(question.id)' needs at least two pairs", at: headingLocation,
                         hint: "add more '- prompt -> answer' lines")
        }
    }

    private func readOrdering(_ answers: [RawAnswer], into question: inout Question, headingLocation: SourceLocation) {
        for answer in answers {
            if answer.marker != nil || answer.invalidMarker != nil {
                engine.error("unexpected-marker", "ordering items take no [x] or [ ]", at: answer.location,
                             hint: "write the items as a numbered list in the right order")
                continue
            }
            question.items.append(OrderItem(text: answer.text, feedback: answer.feedback))
        }
        if question.items.count < 2 {
            engine.error("too-few-items", "ordering question '\(question.id)' needs at least two items", at: headingLocation,
                         hint: "list the items in the right order as '1. …', '2. …'")
        }
        var seen = Set<String>()
        for (item, answer) in zip(question.items, answers) where !seen.insert(item.text).inserted {
            engine.error("duplicate-item", "the item '\(item.text)' appears twice", at: answer.location,
                         hint: "make each item different, or the order is ambiguous")
        }
    }
}
