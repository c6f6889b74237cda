import LanternDiagnostics

/// Writes a quiz as Moodle GIFT. Text is written with `[markdown]` so nothing is lost on the way
/// back in. GIFT cannot say everything Lantern can: ordering questions are left out, and
/// critical, points, outcomes, case, all-or-nothing, per-pair matching feedback and the quiz
/// settings are not written (each is reported as a warning).
public enum GIFTWriter {
    public static func gift(_ quiz: Quiz, engine: DiagnosticsEngine? = nil) -> String {
        var out = "// \(quiz.title)\n// exported from Lantern quiz '\(quiz.id)'\n"
        for question in quiz.questions {
            let at = question.location
            if question.type == .ordering {
                engine?.warning("export-skipped", "ordering question '\(question.id)' cannot be written in GIFT and was left out", at: at,
                                hint: "Moodle's ordering questions cannot be imported from GIFT")
                continue
            }
            var lost: [String] = []
            if question.isCritical { lost.append("critical") }
            if question.points != 1 { lost.append("points") }
            if !question.outcomes.isEmpty { lost.append("outcome") }
            if question.caseSensitive { lost.append("case") }
            if question.allOrNothing, question.type == .multi { lost.append("all-or-nothing") }
            if question.pairs.contains(where: { $0.feedback != nil }) { lost.append("per-pair feedback") }
            if !lost.isEmpty {
                engine?.warning("export-lossy", "GIFT has no place for \(lost.joined(separator: ", ")) of question '\(question.id)'", at: at)
            }
            out += "\n" + gift(question) + "\n"
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "~", "=", "#", "{", "}", ":", "\\": out += "\\" + String(character)
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    private static func md(_ text: String) -> String { "[markdown]" + escape(text) }

    private static func feedback(_ text: String?) -> String { text.map { "#" + md($0) } ?? "" }

    private static func weight(_ credit: Fraction) -> String { "%\(credit.percentLiteral)%" }

    static func gift(_ question: Question) -> String {
        var stem = question.prompt
        if let details = question.details { stem += "\n\n" + details }
        var out = "::\(escape(question.id))::\(md(stem))"
        let general = question.generalFeedback.map { "\n\t####" + md($0) } ?? ""
        switch question.type {
        case .description:
            return out
        case .essay:
            return out + "{" + general + "}"
        case .truefalse:
            let isTrue = question.choices.first { QuestionReader.truthValue($0.text) == true }.map { $0.credit == .one } ?? true
            let right = question.choices.first { $0.credit == .one }?.feedback
            let wrong = question.choices.first { $0.credit != .one }?.feedback
            out += "{" + (isTrue ? "TRUE" : "FALSE")
            if wrong != nil || right != nil { out += "#" + (wrong.map(md) ?? "") + (right.map { "#" + md($0) } ?? "") }
            return out + general + "}"
        case .single, .multi:
            out += "{\n"
            for choice in question.choices {
                let prefix: String
                if question.type == .single, choice.credit == .one {
                    prefix = "="   // '=' is what makes Moodle read a single-choice question
                } else if question.type == .single, !choice.hasExplicitCredit {
                    prefix = "~"
                } else {
                    prefix = "~" + weight(choice.credit)
                }
                out += "\t\(prefix)\(md(choice.text))\(feedback(choice.feedback))\n"
            }
        case .short:
            out += "{\n"
            for answer in question.shortAnswers {
                out += "\t=\(answer.credit == .one ? "" : weight(answer.credit))\(escape(answer.pattern))\(feedback(answer.feedback))\n"
            }
        case .numeric:
            out += "{#\n"
            for answer in question.numericAnswers {
                let value: String
                switch answer.target {
                case .any: value = "*"
                case .value(let number, let tolerance): value = GIFTConverter.canonicalNumber(.value(number, tolerance: 0)) + (tolerance == 0 ? "" : ":" + GIFTConverter.canonicalNumber(.value(tolerance, tolerance: 0)))
                case .range: value = GIFTConverter.canonicalNumber(answer.target)
                }
                out += "\t=\(answer.credit == .one ? "" : weight(answer.credit))\(value)\(feedback(answer.feedback))\n"
            }
        case .matching:
            out += "{\n"
            for pair in question.pairs { out += "\t=\(md(pair.prompt)) -> \(escape(pair.answer))\n" }
            for distractor in question.distractors { out += "\t= -> \(escape(distractor))\n" }
        case .ordering:
            return ""
        }
        return out + (question.generalFeedback.map { "\t####" + md($0) + "\n" } ?? "") + "}"
    }
}
