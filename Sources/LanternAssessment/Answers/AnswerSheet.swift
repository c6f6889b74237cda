/// A blank answers file for a quiz (`lantern quiz sheet QUIZ`): every question as a comment
/// with what it takes, and an empty answer to fill in. Nothing in it gives an answer away:
/// ordering items and matching answers are listed in alphabetical order (never the quiz file's,
/// which is the key for ordering), and no feedback is shown. An answer left empty is
/// unanswered (it scores nothing).
public enum AnswerSheet {
    public static func text(for quiz: Quiz) -> String {
        var lines = [
            "# Answers for quiz '\(quiz.id)' (\(oneLine(quiz.title))). Write each answer after its question's id;",
            "# leave one empty to skip it. Then record the attempt:",
            "#   lantern quiz take \(quiz.id) --trainee T --answers THIS-FILE",
        ]
        if quiz.settings.draw != nil {
            lines.append("# Each attempt draws some of these questions: answers to questions not drawn are ignored.")
        }
        var number = 0
        for question in quiz.questions where question.type != .description {
            number += 1
            lines.append("")
            lines.append("# \(number). \(oneLine(question.prompt))" + (question.isCritical ? " [safety-critical]" : ""))
            switch question.type {
            case .single, .truefalse, .multi:
                lines.append(question.type == .multi ? "#    Choose every right option (a list such as [1, 3]):" : "#    Choose one option (its number, letter or text):")
                for (index, choice) in question.choices.enumerated() {
                    let letter = index < 26 ? " (\(Character(Unicode.Scalar(UInt8(97 + index)))))" : ""
                    lines.append("#    \(index + 1)\(letter) \(oneLine(choice.text))")
                }
            case .short:
                lines.append("#    Write a short answer.")
            case .numeric:
                lines.append("#    Write a number.")
            case .essay:
                lines.append("#    Write your answer (a person marks it).")
            case .matching:
                lines.append("#    Match each prompt to an answer (prompt: answer). Answers:")
                for answer in question.matchingAnswers.sorted(by: alphabetical) { lines.append("#    - \(oneLine(answer))") }
                lines.append("\(question.id):")
                for pair in question.pairs { lines.append("  \(quoted(pair.prompt)):") }
                continue
            case .ordering:
                lines.append("#    Put every item in order, first to last, by its text (a list). The items, A to Z:")
                for item in question.items.map(\.text).sorted(by: alphabetical) { lines.append("#    - \(oneLine(item))") }
            case .description:
                continue
            }
            lines.append("\(question.id):")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func alphabetical(_ a: String, _ b: String) -> Bool {
        (a.lowercased(), a) < (b.lowercased(), b)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + oneLine(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
