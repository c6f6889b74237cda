import Foundation
import LanternDiagnostics

/// Random record identifiers: a short prefix saying what the record is, then 12 characters of
/// Crockford base32 (60 random bits) — short enough to type, never reused, and revealing
/// nothing about how many records exist.
public enum RecordID {
    public static func make(_ prefix: String) -> String {
        "\(prefix)-\(RandomID.base32(12))"
    }

    /// Whether `text` may be used as an id chosen by a person: 1–64 letters, digits, '-', '_' or '.'.
    public static func isValid(_ text: String) -> Bool {
        guard (1...64).contains(text.count), let first = text.unicodeScalars.first,
              CharacterSet.alphanumerics.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
