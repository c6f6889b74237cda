import Foundation
import LanternDiagnostics

/// Reads Moodle's Aiken format: a question line, options `A)` or `A.` (a space after is
/// optional), and `ANSWER: X`. Text stays text (it is escaped for Markdown). Problems are
/// reported at their line, as Moodle does, and the good questions are kept.
public enum AikenParser {
    public static func parse(_ text: String, path: String, engine: DiagnosticsEngine) -> [Question] {
        var questions: [Question] = []
        var stem: [String] = []
        var stemLine = 0
        var options: [(letter: Character, text: String)] = []
        func reset() { stem = []; options = []; stemLine = 0 }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            let at = SourceLocation(path: path, line: number, column: 1)
            if line.isEmpty { continue }
            if let answer = answerLetter(line) {
                defer { reset() }
                guard !stem.isEmpty else {
                    engine.error("aiken-not-started", "'ANSWER:' without a question before it", at: at,
                                 hint: "write the question on the line before its options")
                    continue
                }
                guard options.count >= 2 else {
                    engine.error("aiken-too-few-options", "the question needs at least two options before 'ANSWER:'", at: at,
                                 hint: "write options as 'A) …' and 'B) …'")
                    continue
                }
                guard let correct = options.firstIndex(where: { String($0.letter) == answer }) else {
                    engine.error("aiken-unknown-answer", "'ANSWER: \(answer)' names no option", at: at,
                                 hint: "options are \(options.map { String($0.letter) }.joined(separator: ", "))")
                    continue
                }
                let prompt = TextFormat.markdown(fromPlain: stem.joined(separator: " "))
                let choices = options.enumerated().map { index, option in
                    Choice(text: TextFormat.markdown(fromPlain: option.text), credit: index == correct ? .one : .zero)
                }
                questions.append(Question(id: "q\(questions.count + 1)", type: .single, prompt: prompt, choices: choices,
                                          location: SourceLocation(path: path, line: stemLine, column: 1)))
                continue
            }
            if let option = option(line) {
                guard !stem.isEmpty else {
                    engine.error("aiken-not-started", "an option without a question before it", at: at,
                                 hint: "write the question on the line before its options")
                    continue
                }
                options.append(option)
                continue
            }
            if !options.isEmpty {
                engine.error("aiken-not-finished", "a new question starts before the last one has its 'ANSWER:' line", at: at,
                             hint: "end each question with 'ANSWER: X'")
                reset()
            }
            if stem.isEmpty { stemLine = number }
            stem.append(line)
        }
        if !stem.isEmpty {
            engine.error("aiken-not-finished", "the last question has no 'ANSWER:' line",
                         at: SourceLocation(path: path, line: max(1, stemLine), column: 1), hint: "end each question with 'ANSWER: X'")
        }
        return questions
    }

    /// The text after `ANSWER:`, upper-cased (one letter when the line is right).
    private static func answerLetter(_ line: String) -> String? {
        guard line.uppercased().hasPrefix("ANSWER:") else { return nil }
        return line.dropFirst("ANSWER:".count).trimmingCharacters(in: .whitespaces).uppercased()
    }

    private static func option(_ line: String) -> (letter: Character, text: String)? {
        guard line.count >= 2, let letter = line.first, letter.isASCII, letter.isUppercase,
              let mark = line.dropFirst().first, mark == ")" || mark == "." else { return nil }
        return (letter, line.dropFirst(2).trimmingCharacters(in: .whitespaces))
    }
}
