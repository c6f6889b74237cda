import LanternDiagnostics

/// Identifiers that are safe as file names and URL parts: `a-z`, `0-9` and single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 64, text.first != "-", text.last != "-" else { return false }
        var previousHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return true
    }

    /// A valid slug made from arbitrary text, for suggestions ("Crisis Plan" → "crisis-plan").
    public static func suggestion(for text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if let ascii = character.asciiValue, (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57) {
                out.append(character)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "my-id" : String(out.prefix(64))
    }

    /// Reports `text` when it is not a valid slug; returns whether it is valid.
    @discardableResult
    public static func check(_ text: String, what: String, at location: SourceLocation, engine: DiagnosticsEngine) -> Bool {
        guard !isValid(text) else { return true }
        let reason: String
        if text.contains("/") || text.contains("..") || text.contains("\\") {
            reason = "it must not contain a path"
        } else if text.contains(where: \.isWhitespace) {
            reason = "it must not contain spaces"
        } else if text.contains(where: \.isUppercase) {
            reason = "it must be lower case"
        } else if text.count > 64 {
            reason = "it is longer than 64 characters"
        } else {
            reason = "use only a-z, 0-9 and single hyphens"
        }
        engine.error("invalid-id", "\(what) '\(text)' is not a valid id: \(reason)", at: location,
                     hint: "try '\(suggestion(for: text))'")
        return false
    }
}
