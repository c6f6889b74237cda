import Foundation
import LanternCurriculum
import LanternDiagnostics

/// The `{#id type=multi critical …}` block at the end of a question heading, and the prompt before it.
struct HeadingAttributes {
    static let knownFlags = ["critical", "case", "all-or-nothing"]
    static let knownKeys = ["type", "outcome", "tags", "points", "partial"]

    var prompt = ""
    var id: String?
    var type: QuestionType?
    var typeLocation: SourceLocation?
    var isCritical = false
    var outcomes: [(String, SourceLocation)] = []
    var tags: [(String, SourceLocation)] = []
    var points = 1
    var caseSensitive = false
    var allOrNothing = false
    var partial: OrderingCredit?
    var partialLocation: SourceLocation?

    /// Reads a heading line (`## Prompt {#id …}`) at `lineNumber` of `path`.
    static func read(line bytes: [UInt8], lineNumber: Int, path: String, engine: DiagnosticsEngine) -> HeadingAttributes {
        var result = HeadingAttributes()
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while start < bytes.endIndex, bytes[start] == UInt8(ascii: "#") { start += 1 }
        var end = bytes.endIndex
        func trimEnd() { while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 } }
        trimEnd()
        // An ATX closing sequence: spaces then #s at the very end.
        var hashes = end
        while hashes > start, bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes < end, hashes > start, bytes[hashes - 1] == UInt8(ascii: " ") { end = hashes; trimEnd() }

        var promptEnd = end
        if end > start, bytes[end - 1] == UInt8(ascii: "}"),
           let open = bytes[start..<end].lastIndex(of: UInt8(ascii: "{")) {
            promptEnd = open
            result.readAttributes(Array(bytes[(open + 1)..<(end - 1)]), firstColumn: open + 2, lineNumber: lineNumber, path: path, engine: engine)
        }
        result.prompt = String(decoding: bytes[start..<promptEnd], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return result
    }

    private mutating func readAttributes(_ bytes: [UInt8], firstColumn: Int, lineNumber: Int, path: String, engine: DiagnosticsEngine) {
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            let tokenStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") { index += 1 }
            guard index > tokenStart else { continue }
            let token = String(decoding: bytes[tokenStart..<index], as: UTF8.self)
            let location = SourceLocation(path: path, line: lineNumber, column: firstColumn + tokenStart)
            read(token: token, at: location, engine: engine)
        }
    }

    private mutating func read(token: String, at location: SourceLocation, engine: DiagnosticsEngine) {
        if token.hasPrefix("#") {
            let value = String(token.dropFirst())
            if id != nil {
                engine.error("duplicate-attribute", "the question already has an id", at: location, hint: "keep one '#id'")
            } else if Slug.check(value, what: "question id", at: location, engine: engine) {
                id = value
            } else {
                id = value
            }
            return
        }
        guard let equals = token.firstIndex(of: "=") else {
            switch token {
            case "critical": isCritical = true
            case "case": caseSensitive = true
            case "all-or-nothing": allOrNothing = true
            default:
                let candidates = Self.knownFlags + Self.knownKeys + QuestionType.allCases.map(\.rawValue)
                var hint = Suggestions.didYouMean(token, in: candidates)
                if QuestionType(rawValue: token) != nil { hint = "write 'type=\(token)'" }
                engine.error("unknown-attribute", "unknown question attribute '\(token)'", at: location,
                             hint: hint ?? "allowed: #id, \(Self.knownKeys.map { "\($0)=…" }.joined(separator: ", ")), \(Self.knownFlags.joined(separator: ", "))")
            }
            return
        }
        let key = String(token[..<equals])
        let value = String(token[token.index(after: equals)...])
        let valueLocation = SourceLocation(path: location.path, line: location.line, column: location.column + key.utf8.count + 1)
        switch key {
        case "type":
            typeLocation = valueLocation
            if let known = QuestionType(rawValue: value) {
                type = known
            } else if value == "number" {
                // The design sketch (formats.md) spells it this way; accept it as written.
                type = .numeric
            } else {
                let aliases = ["number": "numeric", "numerical": "numeric", "choice": "single", "multiple": "multi",
                               "true-false": "truefalse", "tf": "truefalse", "match": "matching", "order": "ordering", "shortanswer": "short"]
                let suggestion = aliases[value.lowercased()] ?? Suggestions.closest(to: value, in: QuestionType.allCases.map(\.rawValue))
                engine.error("unknown-type", "unknown question type '\(value)'", at: valueLocation,
                             hint: suggestion.map { "did you mean 'type=\($0)'?" }
                                ?? "use one of: \(QuestionType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case "outcome", "outcomes":
            var column = valueLocation.column
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let at = SourceLocation(path: location.path, line: location.line, column: column)
                if part.isEmpty {
                    engine.error("invalid-value", "empty outcome in 'outcome='", at: at, hint: "write outcome=lo1,lo2 without spaces")
                } else {
                    outcomes.append((String(part), at))
                }
                column += part.utf8.count + 1
            }
        case "tags", "tag":
            var column = valueLocation.column
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let at = SourceLocation(path: location.path, line: location.line, column: column)
                if part.isEmpty {
                    engine.error("invalid-value", "empty tag in 'tags='", at: at, hint: "write tags=a,b without spaces")
                } else if Slug.check(String(part), what: "tag", at: at, engine: engine) {
                    if tags.contains(where: { $0.0 == part }) {
                        engine.error("duplicate-attribute", "tag '\(part)' is written twice", at: at, hint: "keep one")
                    } else {
                        tags.append((String(part), at))
                    }
                }
                column += part.utf8.count + 1
            }
        case "points":
            if let number = Int(value), number >= 1, number <= 1000 {
                points = number
            } else {
                engine.error("invalid-value", "'points' should be a whole number from 1 to 1000, not '\(value)'", at: valueLocation,
                             hint: "for example points=2")
            }
        case "partial":
            partialLocation = valueLocation
            if let credit = OrderingCredit(rawValue: value) {
                partial = credit
            } else {
                engine.error("invalid-value", "'partial' should be position or sequence, not '\(value)'", at: valueLocation,
                             hint: Suggestions.didYouMean(value, in: OrderingCredit.allCases.map(\.rawValue)))
            }
        default:
            engine.error("unknown-attribute", "unknown question attribute '\(key)'", at: location,
                         hint: Suggestions.didYouMean(key, in: Self.knownKeys + ["outcomes"])
                            ?? "allowed: #id, \(Self.knownKeys.map { "\($0)=…" }.joined(separator: ", ")), \(Self.knownFlags.joined(separator: ", "))")
        }
    }
}
