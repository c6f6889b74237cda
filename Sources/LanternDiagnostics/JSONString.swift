import Foundation

/// A string as a JSON string literal (RFC 8259): quotes, backslashes and control characters
/// escaped, everything else as it is. The one JSON-string escaper for text Lantern writes by
/// hand (audit details, generated YAML/JSON snippets); its output for a given string never
/// changes, because audit rows are hashed as written. (Credentials are written by
/// LanternCertification's `JSONWriter`, which also escapes `<`, `>`, `&`, U+2028 and U+2029 so
/// a credential is safe inside an HTML script block.)
public enum JSONString {
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
