import Foundation

/// Writes a quiz in Lantern's Markdown format (what `lantern import` produces). Reading the
/// output back with `QuizParser` gives the same quiz.
public enum QuizWriter {
    public static func markdown(_ quiz: Quiz) -> String {
        var out = "---\n"
        out += "id: \(quiz.id)\nkind: quiz\nmodule: \(quiz.moduleID)\ntitle: \(yamlString(quiz.title))\n"
        let settings = quiz.settings
        out += "pass: \(settings.passMark.percentLiteral)%\n"
        if settings.attempts != 0 { out += "attempts: \(settings.attempts)\n" }
        if settings.combining != .highest { out += "grading: \(settings.combining.rawValue)\n" }
        if settings.shuffle { out += "shuffle: true\n" }
        if let draw = settings.draw {
            if draw.isScalar {
                out += "draw: \(draw.count)\n"
            } else {
                out += "draw:\n  count: \(draw.count)\n"
                if draw.perOutcome > 0 { out += "  per_outcome: \(draw.perOutcome)\n" }
                if !draw.perTag.isEmpty {
                    out += "  per_tag:\n" + draw.perTag.map { "    \($0.tag): \($0.minimum)\n" }.joined()
                }
            }
        }
        if let wait = settings.wait { out += "wait: \(wait % 3600 == 0 ? "\(wait / 3600)h" : wait % 60 == 0 ? "\(wait / 60)m" : "\(wait)s")\n" }
        if let limit = settings.timeLimit { out += "time_limit: \(limit % 60 == 0 ? "\(limit / 60)m" : "\(limit)s")\n" }
        if settings.feedback != .afterSubmit { out += "feedback: \(settings.feedback.rawValue)\n" }
        if settings.allOrNothing { out += "all_or_nothing: true\n" }
        if !settings.bands.isEmpty {
            out += "bands:\n"
            for band in settings.bands { out += "  - from: \(band.from.percentLiteral)%\n    text: \(yamlString(band.text))\n" }
        }
        out += "---\n"
        if let introduction = quiz.introduction { out += "\n\(introduction)\n" }
        for question in quiz.questions { out += "\n" + markdown(question, quizAllOrNothing: settings.allOrNothing) }
        return out
    }

    static func yamlString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\x%02X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped + "\""
    }

    static func markdown(_ question: Question, quizAllOrNothing: Bool) -> String {
        var attributes = ["#\(question.id)"]
        let looksTrueFalse = question.choices.count == 2
            && Set(question.choices.map { QuestionReader.truthValue($0.text) }) == [true, false]
        if question.type != .single || looksTrueFalse { attributes.append("type=\(question.type.rawValue)") }
        if question.isCritical { attributes.append("critical") }
        if !question.outcomes.isEmpty { attributes.append("outcome=\(question.outcomes.joined(separator: ","))") }
        if !question.tags.isEmpty { attributes.append("tags=\(question.tags.joined(separator: ","))") }
        if question.points != 1 { attributes.append("points=\(question.points)") }
        if question.caseSensitive { attributes.append("case") }
        if question.allOrNothing, !quizAllOrNothing { attributes.append("all-or-nothing") }
        if question.type == .ordering, question.orderingCredit != .allOrNothing { attributes.append("partial=\(question.orderingCredit.rawValue)") }
        var out = "## \(question.prompt) {\(attributes.joined(separator: " "))}\n\n"
        if let details = question.details { out += details + "\n\n" }
        func item(_ prefix: String, _ text: String, feedback: String?) -> String {
            // Continuation lines and the feedback quote sit at the item's content column.
            let indent = String(repeating: " ", count: prefix.hasPrefix("- ") ? 2 : (prefix.firstIndex(of: " ").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 2))
            var line = prefix + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent) + "\n"
            if let feedback {
                line += feedback.split(separator: "\n", omittingEmptySubsequences: false).map { indent + ">" + ($0.isEmpty ? "" : " " + $0) }.joined(separator: "\n") + "\n"
            }
            return line
        }
        func marker(_ credit: Fraction, explicit: Bool) -> String {
            if !explicit, credit == .one { return "[x]" }
            if !explicit, credit == .zero { return "[ ]" }
            return "[\(credit.percentLiteral)%]"
        }
        switch question.type {
        case .single, .truefalse:
            for choice in question.choices { out += item("- \(marker(choice.credit, explicit: choice.hasExplicitCredit)) ", choice.text, feedback: choice.feedback) }
        case .multi:
            let shares = question.choices.allSatisfy { !$0.hasExplicitCredit }
            for choice in question.choices {
                let written = shares ? (choice.credit > .zero ? "[x]" : "[ ]") : "[\(choice.credit.percentLiteral)%]"
                out += item("- \(written) ", choice.text, feedback: choice.feedback)
            }
        case .short:
            for answer in question.shortAnswers { out += item("- \(marker(answer.credit, explicit: false)) ", answer.pattern, feedback: answer.feedback) }
        case .numeric:
            for answer in question.numericAnswers { out += item("- \(marker(answer.credit, explicit: false)) ", answer.text, feedback: answer.feedback) }
        case .matching:
            for pair in question.pairs { out += item("- ", "\(pair.prompt) -> \(pair.answer)", feedback: pair.feedback) }
            for distractor in question.distractors { out += "- -> \(distractor)\n" }
        case .ordering:
            for (index, orderItem) in question.items.enumerated() { out += item("\(index + 1). ", orderItem.text, feedback: orderItem.feedback) }
        case .essay, .description:
            break
        }
        if let general = question.generalFeedback {
            // Essays and descriptions have no answers to close their text: a `---` line does.
            if question.type == .essay || question.type == .description { out += "\n---\n" }
            out += "\n" + general.split(separator: "\n", omittingEmptySubsequences: false).map { ">" + ($0.isEmpty ? "" : " " + $0) }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
