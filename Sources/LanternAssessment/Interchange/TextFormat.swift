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
            if character == "<", let close = html[index...].firstIndex(of: ">") {
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
                out += markdown(fromPlain: String(character))
                index = html.index(after: index)
            }
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
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
