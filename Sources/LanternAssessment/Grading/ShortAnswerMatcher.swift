import Foundation

/// Short-answer matching: trimmed, Unicode NFC, case-insensitive unless the question says
/// `case`; `*` matches any text (also none), `\*` a literal star; the whole answer must match;
/// the first matching answer in author order wins.
public enum ShortAnswerMatcher {
    /// The index of the first answer of `question` that `response` matches.
    public static func firstMatch(in question: Question, response: String) -> Int? {
        let text = normalize(response, caseSensitive: question.caseSensitive)
        guard !text.isEmpty else { return nil }
        return question.shortAnswers.firstIndex { matches(text, pattern: $0.pattern, caseSensitive: question.caseSensitive) }
    }

    static func grade(_ question: Question, response: String) -> (Fraction, [String]) {
        guard let index = firstMatch(in: question, response: response) else { return (.zero, []) }
        let answer = question.shortAnswers[index]
        return (answer.credit.clampedToUnit, answer.feedback.map { [$0] } ?? [])
    }

    static func normalize(_ text: String, caseSensitive: Bool) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        return caseSensitive ? trimmed : trimmed.lowercased()
    }

    private enum Token: Equatable { case character(Character), star }

    /// Whether an already normalised `text` matches `pattern` as a whole.
    public static func matches(_ text: String, pattern: String, caseSensitive: Bool) -> Bool {
        let normalized = normalize(pattern, caseSensitive: caseSensitive)
        var tokens: [Token] = []
        var escaping = false
        for character in normalized {
            if escaping {
                if character == "*" { tokens.append(.character("*")) } else { tokens.append(.character("\\")); tokens.append(.character(character)) }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "*" {
                if tokens.last != .star { tokens.append(.star) }
            } else {
                tokens.append(.character(character))
            }
        }
        if escaping { tokens.append(.character("\\")) }
        return globMatch(Array(text), tokens)
    }

    /// Iterative wildcard matching with backtracking to the last star: linear in practice.
    private static func globMatch(_ text: [Character], _ tokens: [Token]) -> Bool {
        var t = 0, p = 0
        var starToken = -1, starText = 0
        while t < text.count {
            if p < tokens.count, case .character(let c) = tokens[p], c == text[t] {
                t += 1; p += 1
            } else if p < tokens.count, tokens[p] == .star {
                starToken = p; starText = t; p += 1
            } else if starToken >= 0 {
                p = starToken + 1; starText += 1; t = starText
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .star { p += 1 }
        return p == tokens.count
    }
}
