import Foundation
import LanternDiagnostics

/// Reads Moodle GIFT text into `GIFTQuestion`s, following what Moodle's own importer accepts:
/// categories, titles, escapes (`\~ \= \# \{ \} \: \\ \n`), `[html]/[moodle]/[plain]/[markdown]`
/// markers, weights, per-answer and general feedback, numeric ranges and tolerances, matching,
/// true/false in every spelling, essay, description and missing-word questions. Every problem is
/// reported at its line.
public enum GIFTParser {
    /// One character of GIFT text: whether it was escaped, and its line and column.
    struct Unit {
        var character: Character
        var escaped: Bool
        var line: Int
        var column: Int
    }

    public static func parse(_ text: String, path: String, engine: DiagnosticsEngine) -> [GIFTQuestion] {
        var questions: [GIFTQuestion] = []
        var category: String?
        var pendingID: String?
        var pendingTags: [String] = []
        var block: [(line: Int, text: Substring)] = []

        func flush() {
            defer { block = []; pendingID = nil; pendingTags = [] }
            guard let first = block.first else { return }
            let joined = block.map(\.text).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if joined.hasPrefix("$CATEGORY:") {
                category = String(joined.dropFirst("$CATEGORY:".count)).trimmingCharacters(in: .whitespaces)
                return
            }
            let units = decode(block)
            if var question = parseQuestion(units, firstLine: first.line, path: path, engine: engine) {
                question.category = category
                question.id = pendingID
                question.tags = pendingTags
                questions.append(question)
            }
        }

        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") {
                if block.isEmpty { readMetadata(trimmed, id: &pendingID, tags: &pendingTags) }
                continue
            }
            if trimmed.isEmpty {
                // As in Moodle, a blank line always ends a question: an unclosed '{' is reported
                // at its own question, not at one further down that happens to close it.
                flush()
                continue
            }
            if trimmed.hasPrefix("$CATEGORY:"), !block.isEmpty { flush() }
            block.append((number, line))
            if trimmed.hasPrefix("$CATEGORY:") { flush() }
        }
        flush()
        return questions
    }

    /// `// [id:393]` and `// [tag:fred] [tag:wilma]`.
    private static func readMetadata(_ comment: String, id: inout String?, tags: inout [String]) {
        var rest = Substring(comment)
        while let open = rest.range(of: "[") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let inside = rest[open.upperBound..<close]
            if inside.hasPrefix("id:") { id = String(inside.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
            if inside.hasPrefix("tag:") { tags.append(String(inside.dropFirst(4)).trimmingCharacters(in: .whitespaces)) }
            rest = rest[rest.index(after: close)...]
        }
    }

    /// Lines to units, resolving escapes.
    private static func decode(_ lines: [(line: Int, text: Substring)]) -> [Unit] {
        var units: [Unit] = []
        for (index, entry) in lines.enumerated() {
            if index > 0 { units.append(Unit(character: "\n", escaped: false, line: entry.line, column: 0)) }
            var column = 1
            var characters = Array(entry.text)
            var position = 0
            if entry.text.hasSuffix("\r") { characters.removeLast() }
            while position < characters.count {
                let character = characters[position]
                if character == "\\", position + 1 < characters.count {
                    let next = characters[position + 1]
                    if "~=#{}:\\".contains(next) {
                        units.append(Unit(character: next, escaped: true, line: entry.line, column: column))
                        position += 2; column += 2
                        continue
                    }
                    if next == "n" {
                        units.append(Unit(character: "\n", escaped: true, line: entry.line, column: column))
                        position += 2; column += 2
                        continue
                    }
                }
                units.append(Unit(character: character, escaped: false, line: entry.line, column: column))
                column += String(character).utf8.count
                position += 1
            }
        }
        return units
    }

    static func string(_ units: ArraySlice<Unit>) -> String { String(units.map(\.character)) }

    private static func find(_ character: Character, in units: ArraySlice<Unit>) -> Int? {
        units.firstIndex { $0.character == character && !$0.escaped }
    }

    private static func findPair(_ pair: String, in units: ArraySlice<Unit>) -> Int? {
        let wanted = Array(pair)
        var index = units.startIndex
        while index + wanted.count <= units.endIndex {
            if (0..<wanted.count).allSatisfy({ units[index + $0].character == wanted[$0] && !units[index + $0].escaped }) { return index }
            index += 1
        }
        return nil
    }

    private static func trim(_ units: ArraySlice<Unit>) -> ArraySlice<Unit> {
        var slice = units
        while let first = slice.first, !first.escaped, first.character.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, !last.escaped, last.character.isWhitespace { slice = slice.dropLast() }
        return slice
    }

    /// Text with an optional leading format marker; without one, `format` (as Moodle: answers
    /// and feedback take the question text's format unless they name their own).
    static func text(_ units: ArraySlice<Unit>, format inherited: GIFTQuestion.Text.Format = .moodle) -> GIFTQuestion.Text {
        var slice = trim(units)
        var format = inherited
        if slice.first?.character == "[", !(slice.first?.escaped ?? true), let close = find("]", in: slice) {
            let name = string(slice[(slice.startIndex + 1)..<close]).lowercased()
            if let known = GIFTQuestion.Text.Format(rawValue: name) {
                format = known
                slice = trim(slice[(close + 1)...])
            }
        }
        let lines = string(slice).split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return GIFTQuestion.Text(format: format, text: lines.joined(separator: "\n"))
    }

    private static func location(_ unit: Unit?, path: String, fallbackLine: Int) -> SourceLocation {
        SourceLocation(path: path, line: unit?.line ?? fallbackLine, column: max(1, unit?.column ?? 1))
    }

    private static func parseQuestion(_ all: [Unit], firstLine: Int, path: String, engine: DiagnosticsEngine) -> GIFTQuestion? {
        var units = trim(all[...])
        var title: String?
        if units.count >= 2, !units[units.startIndex].escaped, units[units.startIndex].character == ":",
           units[units.startIndex + 1].character == ":", !units[units.startIndex + 1].escaped {
            let rest = units[(units.startIndex + 2)...]
            guard let close = findPair("::", in: rest) else {
                engine.error("gift-title", "the title that starts here is not closed with '::'", at: location(units.first, path: path, fallbackLine: firstLine),
                             hint: "write '::Title::' before the question text, or escape the colons as '\\:'")
                return nil
            }
            title = string(trim(rest[..<close]))
            units = trim(units[(close + 2)...])
        }
        var question = GIFTQuestion(kind: .description, title: title, id: nil, tags: [], category: nil,
                                    stem: .init(format: .moodle, text: ""), hasEmbeddedAnswers: false, answers: [], isTrue: nil,
                                    wrongFeedback: nil, rightFeedback: nil, numerical: [], pairs: [], generalFeedback: nil, line: firstLine)
        guard let open = find("{", in: units) else {
            if let stray = find("}", in: units) {
                engine.error("gift-brace", "'}' without an opening '{'", at: location(units[stray], path: path, fallbackLine: firstLine),
                             hint: "escape a literal brace as '\\}'")
                return nil
            }
            question.stem = text(units)
            return question
        }
        guard let close = find("}", in: units[(open + 1)...]) else {
            engine.error("gift-brace", "the answers that start here are not closed with '}'", at: location(units[open], path: path, fallbackLine: firstLine),
                         hint: "close the answers with '}', or escape a literal brace as '\\{'")
            return nil
        }
        if let stray = find("}", in: units[..<open]) {
            engine.error("gift-brace", "'}' without an opening '{'", at: location(units[stray], path: path, fallbackLine: firstLine),
                         hint: "escape a literal brace as '\\}'")
            return nil
        }
        let after = trim(units[(close + 1)...])
        if let another = find("{", in: after) {
            engine.error("gift-brace", "a question can have only one set of answers in braces", at: location(after[another], path: path, fallbackLine: firstLine),
                         hint: "split it into two questions separated by a blank line, or escape the brace as '\\{'")
            return nil
        }
        if let stray = find("}", in: after) {
            engine.error("gift-brace", "'}' after the answers are already closed", at: location(after[stray], path: path, fallbackLine: firstLine),
                         hint: "remove it, or escape a literal brace as '\\}'")
            return nil
        }
        var stemUnits = Array(units[..<open])
        if !after.isEmpty {
            question.hasEmbeddedAnswers = true
            stemUnits += "_____".map { Unit(character: $0, escaped: false, line: 0, column: 0) } + Array(units[(close + 1)...])
        }
        question.stem = text(stemUnits[...])
        if question.stem.text.isEmpty {
            engine.error("gift-empty-question", "the question has no text", at: location(units.first, path: path, fallbackLine: firstLine),
                         hint: "write the question before '{'")
            return nil
        }
        var answer = trim(units[(open + 1)..<close])
        let format = question.stem.format
        if let general = lastPair("####", in: answer) {
            question.generalFeedback = text(answer[(general + 4)...], format: format)
            if question.generalFeedback?.text.isEmpty == true { question.generalFeedback = nil }
            answer = trim(answer[..<general])
        }
        let answerLocation = location(units[open], path: path, fallbackLine: firstLine)
        if answer.isEmpty {
            question.kind = .essay
            return question
        }
        if answer.first?.character == "#", answer.first?.escaped == false {
            question.kind = .numerical
            return readNumerical(trim(answer.dropFirst()), into: question, at: answerLocation, format: format, path: path, engine: engine)
        }
        if find("~", in: answer) != nil {
            question.kind = .multipleChoice
            question.answers = split(answer).map { readAnswer($0, format: format) }
            return question
        }
        if find("=", in: answer) != nil, findPair("->", in: answer) != nil {
            question.kind = .matching
            for part in split(answer) {
                guard let arrow = findPair("->", in: part.body) else {
                    engine.error("gift-matching", "a matching answer needs 'prompt -> answer'", at: location(part.body.first, path: path, fallbackLine: firstLine),
                                 hint: "write '=prompt -> answer', or '= -> answer' for an answer that matches nothing")
                    return nil
                }
                question.pairs.append(.init(prompt: text(part.body[..<arrow], format: format), answer: string(trim(part.body[(arrow + 2)...]))))
            }
            return question
        }
        let head = find("#", in: answer).map { answer[..<$0] } ?? answer
        // Exactly T, TRUE, F or FALSE, as Moodle compares them: `{true}` is a short answer.
        switch string(trim(head)) {
        case "T", "TRUE", "F", "FALSE":
            question.kind = .trueFalse
            question.isTrue = string(trim(head)).hasPrefix("T")
            if let hash = find("#", in: answer) {
                let rest = answer[(hash + 1)...]
                if let second = find("#", in: rest) {
                    question.wrongFeedback = text(rest[..<second], format: format)
                    question.rightFeedback = text(rest[(second + 1)...], format: format)
                } else {
                    question.wrongFeedback = text(rest, format: format)
                }
                if question.wrongFeedback?.text.isEmpty == true { question.wrongFeedback = nil }
                if question.rightFeedback?.text.isEmpty == true { question.rightFeedback = nil }
            }
            return question
        default:
            break
        }
        var parts = split(answer)
        if parts.isEmpty {
            // `{One}`: a single right short answer may be written without '='.
            parts = [Part(marker: "=", body: answer)]
        }
        guard parts.allSatisfy({ $0.marker == "=" }) else {
            engine.error("gift-answers", "cannot tell what kind of question this is from its answers", at: answerLocation,
                         hint: "start right answers with '=', wrong ones with '~', numbers with '#', or write {T} / {F}")
            return nil
        }
        question.kind = .shortAnswer
        question.answers = parts.map { readAnswer($0, format: format) }
        return question
    }

    struct Part {
        var marker: Character
        var body: ArraySlice<Unit>
    }

    /// Splits answer text at unescaped `=` and `~`.
    private static func split(_ answer: ArraySlice<Unit>) -> [Part] {
        var parts: [Part] = []
        var current: Part?
        var start = answer.startIndex
        for index in answer.indices {
            let unit = answer[index]
            guard !unit.escaped, unit.character == "=" || unit.character == "~" else { continue }
            // '=' inside "->" never happens; '=' after '#' would start a new answer, as in Moodle.
            if var open = current { open.body = trim(answer[start..<index]); parts.append(open) }
            current = Part(marker: unit.character, body: [])
            start = index + 1
        }
        if var open = current { open.body = trim(answer[start...]); parts.append(open) }
        return parts
    }

    /// `%50%text#feedback`, in the question's `format` unless the text names its own.
    private static func readAnswer(_ part: Part, format: GIFTQuestion.Text.Format) -> GIFTQuestion.Answer {
        var body = part.body
        let weight = readWeight(&body)
        var feedback: GIFTQuestion.Text?
        if let hash = find("#", in: body) {
            let value = text(body[(hash + 1)...], format: format)
            feedback = value.text.isEmpty ? nil : value
            body = body[..<hash]
        }
        return GIFTQuestion.Answer(text: text(body, format: format), isCorrect: part.marker == "=", weight: weight, feedback: feedback)
    }

    /// The last unescaped occurrence of `pair` (Moodle splits general feedback at the last `####`).
    private static func lastPair(_ pair: String, in units: ArraySlice<Unit>) -> Int? {
        var found: Int?
        var rest = units
        while let index = findPair(pair, in: rest) {
            found = index
            rest = units[(index + 1)...]
        }
        return found
    }

    private static func readWeight(_ body: inout ArraySlice<Unit>) -> Fraction? {
        body = trim(body)
        guard body.first?.character == "%", let close = find("%", in: body.dropFirst()) else { return nil }
        let value = CreditMarker.parsePercent(string(body[(body.startIndex + 1)..<close]) + "%")
        body = trim(body[(close + 1)...])
        return value
    }

    private static func readNumerical(_ answer: ArraySlice<Unit>, into question: GIFTQuestion, at location: SourceLocation,
                                      format: GIFTQuestion.Text.Format, path: String, engine: DiagnosticsEngine) -> GIFTQuestion? {
        var question = question
        var parts = split(answer)
        if parts.isEmpty || (answer.first.map { !["=", "~"].contains($0.character) } ?? true) {
            // `{#3:2}` or `{#3:2#feedback}` with no '=' in front of the first answer.
            let firstEnd = parts.isEmpty ? answer.endIndex : answer.indices.first { !answer[$0].escaped && (answer[$0].character == "=" || answer[$0].character == "~") } ?? answer.endIndex
            parts.insert(Part(marker: "=", body: trim(answer[..<firstEnd])), at: 0)
            if parts.count > 1, parts[1].body.isEmpty, parts[1].marker == "=" { parts.remove(at: 1) }
        }
        for part in parts {
            var body = part.body
            let weight = readWeight(&body)
            var feedback: GIFTQuestion.Text?
            if let hash = find("#", in: body) {
                let value = text(body[(hash + 1)...], format: format)
                feedback = value.text.isEmpty ? nil : value
                body = body[..<hash]
            }
            let written = string(trim(body))
            let target: NumericAnswer.Target?
            if written.isEmpty || written == "*" {
                target = .any
            } else if let colon = written.firstIndex(of: ":") {
                target = NumberText.parseTarget(String(written[..<colon]) + "±" + String(written[written.index(after: colon)...]))
            } else {
                target = NumberText.parseTarget(written)
            }
            guard let target else {
                engine.error("gift-number", "'\(written)' is not a number, a 'value:tolerance' or a 'low..high' range",
                             at: SourceLocation(path: path, line: body.first?.line ?? location.line, column: max(1, body.first?.column ?? location.column)),
                             hint: "for example {#3:2} or {#1..5}")
                return nil
            }
            question.numerical.append(.init(target: target, text: written.isEmpty ? "*" : written, isCorrect: part.marker == "=",
                                            weight: weight, feedback: feedback))
        }
        return question
    }
}
