import Foundation

/// Short-answer matching: trimmed, Unicode NFC, case-insensitive unless the question says
/// `case`; `*` matches any text (also none), `\*` a literal star; the whole answer must match;
/// the first matching answer in author order wins.
public enum ShortAnswerMatcher {
    /// The index of the first answer of `question` that `response` matches.
    public static func firstMatch(in question: Question, response: String) -> Int? {
        let text = normalize(response, caseSensitive: question.caseSensitive)
        guard !text.isEmpty else { return nil }
        let ascii = isPlainASCII(text)
        return question.shortAnswers.firstIndex { answer in
            ascii && isPlainASCII(answer.pattern)
                ? matchesASCII(text, pattern: answer.pattern, caseSensitive: question.caseSensitive)
                : matches(text, pattern: answer.pattern, caseSensitive: question.caseSensitive)
        }
    }

    static func grade(_ question: Question, response: String) -> (Fraction, [String]) {
        guard let index = firstMatch(in: question, response: response) else { return (.zero, []) }
        let answer = question.shortAnswers[index]
        return (answer.credit.clampedToUnit, answer.feedback.map { [$0] } ?? [])
    }

    static func normalize(_ text: String, caseSensitive: Bool) -> String {
        // ASCII without CR (nearly every answer): already NFC, one byte per Character; trim
        // the ASCII members of `.whitespacesAndNewlines` without a trip through Foundation.
        if isPlainASCII(text) {
            let trimmed = ASCIIText.trimmed(text, newlines: true)
            return caseSensitive ? trimmed : trimmed.lowercased()
        }
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

    /// ASCII and no carriage return: Characters and bytes are the same thing ("\r\n" would be
    /// one Character but two bytes).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// `matches` on bytes, for a text and pattern that are both plain ASCII.
    static func matchesASCII(_ text: String, pattern: String, caseSensitive: Bool) -> Bool {
        let normalized = normalize(pattern, caseSensitive: caseSensitive)
        var tokens: [UInt16] = []  // a byte, or `star`
        let star: UInt16 = 0x100
        var escaping = false
        for byte in normalized.utf8 {
            if escaping {
                if byte == UInt8(ascii: "*") { tokens.append(UInt16(byte)) } else { tokens.append(UInt16(UInt8(ascii: "\\"))); tokens.append(UInt16(byte)) }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else if byte == UInt8(ascii: "*") {
                if tokens.last != star { tokens.append(star) }
            } else {
                tokens.append(UInt16(byte))
            }
        }
        if escaping { tokens.append(UInt16(UInt8(ascii: "\\"))) }
        let text = Array(text.utf8)
        var t = 0, p = 0
        var starToken = -1, starText = 0
        while t < text.count {
            if p < tokens.count, tokens[p] != star, tokens[p] == UInt16(text[t]) {
                t += 1; p += 1
            } else if p < tokens.count, tokens[p] == star {
                starToken = p; starText = t; p += 1
            } else if starToken >= 0 {
                p = starToken + 1; starText += 1; t = starText
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == star { p += 1 }
        return p == tokens.count
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
