import Foundation
@testable import LanternAssessment
import Testing

/// The ASCII fast paths of grading must give exactly what the general (Foundation) paths give.
@Suite("grading fast paths agree with the general paths")
struct ASCIIFastPathTests {
    static let texts = ["", " ", "\t paraphrasing \n", "Paraphrasing", "PARAPHRASE", "para*phrase", "a\\*b", "a*b", "  x  y  ",
                        "reflective listening", "\u{0B}vt\u{0C}", "12", "5,8", "  6 ", "-1e3", "e", "+-"]
    static let patterns = ["paraphrasing", "paraphras*", "*", "*listen*", "a\\*b", "a\\b", "\\", "x  y", "**", "", "P*G", "*e*e*"]

    @Test("trimming ASCII whitespace matches Foundation's character sets")
    func trimming() {
        for text in Self.texts {
            #expect(ASCIIText.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(ASCIIText.trimmed(text, newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test("byte glob matches the Character glob on plain ASCII", arguments: [false, true])
    func glob(caseSensitive: Bool) {
        for text in Self.texts {
            let normalized = ShortAnswerMatcher.normalize(text, caseSensitive: caseSensitive)
            for pattern in Self.patterns {
                #expect(ShortAnswerMatcher.matchesASCII(normalized, pattern: pattern, caseSensitive: caseSensitive)
                        == ShortAnswerMatcher.matches(normalized, pattern: pattern, caseSensitive: caseSensitive),
                        "text \(text.debugDescription), pattern \(pattern.debugDescription)")
            }
        }
    }

    @Test("carriage returns and non-ASCII text take the general path")
    func notPlain() {
        #expect(!ShortAnswerMatcher.isPlainASCII("a\r\nb"))
        #expect(!ShortAnswerMatcher.isPlainASCII("café"))
        #expect(ShortAnswerMatcher.isPlainASCII("cafe *"))
        // "\r\n" is one Character: a pattern ending in "\r" must not match it (it would on bytes).
        let question = Question(id: "q", type: .short, prompt: "p", shortAnswers: [ShortAnswer(pattern: "a\r*", credit: .one)])
        #expect(ShortAnswerMatcher.firstMatch(in: question, response: "a\r\nb") == nil)
    }
}
