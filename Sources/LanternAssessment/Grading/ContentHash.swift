import Crypto
import Foundation

extension Question {
    /// SHA-256 (hex) of everything that decides how the question is graded: type, prompt,
    /// details, answers with their credits, weights and flags. Feedback and outcomes are left
    /// out, so improving a feedback text never calls for a regrade.
    public var contentHash: String {
        var parts: [String] = ["v1", id, type.rawValue, prompt, details ?? "", "\(points)", "\(isCritical)",
                               "\(caseSensitive)", "\(allOrNothing)", orderingCredit.rawValue]
        parts += choices.map { "choice|\($0.credit)|\($0.text)" }
        parts += shortAnswers.map { "short|\($0.credit)|\($0.pattern)" }
        parts += numericAnswers.map { "numeric|\($0.credit)|\(Self.canonical($0.target))" }
        parts += pairs.map { "pair|\($0.prompt)|\($0.answer)" }
        parts += distractors.map { "distractor|\($0)" }
        parts += items.map { "item|\($0.text)" }
        let canonical = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(canonical.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func canonical(_ target: NumericAnswer.Target) -> String {
        switch target {
        case .any: "*"
        case .value(let value, let tolerance): "\(value)±\(tolerance)"
        case .range(let low, let high): "\(low)..\(high)"
        }
    }
}
