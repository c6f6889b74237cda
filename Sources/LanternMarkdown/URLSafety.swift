/// Decides which link and image destinations are safe to publish.
public enum URLSafety {
    /// Whether a destination would run code or read local files when followed: `javascript:`,
    /// `vbscript:`, `file:` and `data:` (except `data:image/png|gif|jpeg|webp`), compared
    /// case-insensitively after dropping leading spaces and control characters, which browsers
    /// ignore. This is libcmark's safe-mode rule, made stricter about leading whitespace.
    public static func isDangerous(_ url: String) -> Bool {
        let trimmed = url.unicodeScalars.drop { $0.value <= 0x20 }
        // Browsers also ignore tabs and newlines inside the scheme ("java\tscript:").
        let compact = String(String.UnicodeScalarView(trimmed.prefix(40).filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })).lowercased()
        if compact.hasPrefix("data:image/png") || compact.hasPrefix("data:image/gif")
            || compact.hasPrefix("data:image/jpeg") || compact.hasPrefix("data:image/webp") {
            return false
        }
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:")
            || compact.hasPrefix("file:") || compact.hasPrefix("data:")
    }

    /// Whether a destination names a scheme (`https:`, `mailto:`) rather than a relative path.
    public static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
