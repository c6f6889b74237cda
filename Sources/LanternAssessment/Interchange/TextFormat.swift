import Foundation

/// Turning text from other formats into Markdown that shows the same words.
enum TextFormat {
    /// Plain text as Markdown: every character that Markdown would read as markup is escaped,
    /// so `<html class="cool"> & *x*` stays exactly that text.
    static func markdown(fromPlain text: String) -> String {
        var out = ""
        let characters = Array(text)
        var atLineStart = true
        for (index, character) in characters.enumerated() {
            var escape = "\\`*[]<&".contains(character)
            if character == "_" {
                // Runs of three or more (a missing-word blank) cannot make emphasis; leave them readable.
                var run = 1
                var j = index - 1
                while j >= 0, characters[j] == "_" { run += 1; j -= 1 }
                j = index + 1
                while j < characters.count, characters[j] == "_" { run += 1; j += 1 }
                escape = run < 3
            }
            if character == "!", index + 1 < characters.count, characters[index + 1] == "[" { escape = true }
            if atLineStart, "#>-+=|".contains(character) { escape = true }
            if escape { out.append("\\") }
            out.append(character)
            if character == "\n" { atLineStart = true } else if !character.isWhitespace { atLineStart = false }
        }
        return out
    }

    /// A little HTML (as GIFT's `[html]` and Moodle write it) as Markdown: paragraphs and
    /// line breaks, bold and italic, links; other tags dropped; entities decoded; text escaped.
    static func markdown(fromHTML html: String) -> String {
        var out = ""
        var index = html.startIndex
        var pendingLink: String?
        while index < html.endIndex {
            let character = html[index]
            let next = html.index(after: index) < html.endIndex ? html[html.index(after: index)] : " "
            if character == "<", next.isLetter || next == "/" || next == "!", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].trimmingCharacters(in: .whitespaces)
                let name = tag.lowercased().prefix { $0.isLetter || $0 == "/" }
                switch name {
                case "b", "strong", "/b", "/strong": out += "**"
                case "i", "em", "/i", "/em": out += "*"
                case "br", "br/": out += "\\\n"
                case "p": if !out.isEmpty, !out.hasSuffix("\n\n") { out += "\n\n" }
                case "/p": out += "\n\n"
                case "a":
                    if let href = attribute("href", in: String(tag)) { pendingLink = href; out += "[" }
                case "/a":
                    if let link = pendingLink { out += "](\(link))"; pendingLink = nil }
                default: break
                }
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semicolon])
                if let decoded = decode(entity) {
                    out += markdown(fromPlain: decoded)
                    index = html.index(after: semicolon)
                } else {
                    out += "\\&"
                    index = html.index(after: index)
                }
            } else {
                // A run of text up to the next tag or entity, escaped as one piece (so a '-' in
                // the middle of a line is not escaped as if it started one).
                var end = html.index(after: index)
                while end < html.endIndex, html[end] != "<", html[end] != "&" { end = html.index(after: end) }
                let run = markdown(fromPlain: String(html[index..<end]))
                out += out.isEmpty || out.hasSuffix("\n") ? run : (run.hasPrefix("\\") && "#>-+=|".contains(run.dropFirst().first ?? " ") ? String(run.dropFirst()) : run)
                index = end
            }
        }
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        // Two line breaks in a row (`<br><br>`) make a paragraph break; a break at the end of a
        // paragraph or of the text shows nothing, and its `\` would show as text.
        var line = 0
        while line < lines.count {
            let index = line
            let isBreak = lines[index].hasSuffix("\\") && !lines[index].hasSuffix("\\\\")
            let nextBlank = index + 1 >= lines.count || lines[index + 1].isEmpty
            let nextBreakOnly = index + 1 < lines.count && lines[index + 1] == "\\"
            if isBreak, nextBlank || nextBreakOnly || lines[index] == "\\" {
                lines[index].removeLast()
                lines[index] = lines[index].trimmingCharacters(in: .whitespaces)
                if nextBreakOnly { lines[index + 1] = "" }
            }
            line += 1
        }
        var text = lines.joined(separator: "\n")
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: name + "=\"") else { return nil }
        let rest = tag[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    private static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default:
            if entity.hasPrefix("#x"), let value = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) { return String(Character(scalar)) }
            if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) { return String(Character(scalar)) }
            return nil
        }
    }
}
