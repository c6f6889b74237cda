/// Text from user data (names, module and quiz text, file names, messages that quote them) made
/// safe to print on a terminal: the one function every terminal output path uses.
///
/// C0 controls other than tab and newline (ESC starts every escape sequence: colours, cursor
/// moves, window titles, OSC 52 clipboard writes, hyperlinks), DEL, C1 controls (U+0080–U+009F,
/// CSI and OSC among them) and the Unicode bidirectional controls that reorder what a reader sees
/// ("Trojan Source": U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are each replaced by
/// U+FFFD, so the text stays visible as it was written and can no longer drive the terminal.
public enum TerminalSafeText {
    /// Whether a scalar must not reach a terminal from user data.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe scalar replaced by U+FFFD (the same string when there is none).
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }
}
