/// One key press (or terminal event) as the learner sees it.
public enum Key: Hashable, Sendable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, backspace, delete, tab, escape
    /// Ctrl-C: leave, keeping everything saved.
    case interrupt
    /// The input closed (the terminal went away). Ctrl-D is `.control("d")`: in the reader it
    /// scrolls half a page, as in less; it never ends a quiz.
    case endOfInput
    /// Ctrl and a letter (lower case), for the reader's less-style keys: Ctrl-B/F a page,
    /// Ctrl-U/D half a page.
    case control(Character)
    /// The window changed size: re-wrap and redraw.
    case resize
    /// SIGTERM or SIGHUP arrived: save and leave now.
    case terminate
    /// A printable character (any Unicode, including wide ones).
    case character(Character)

    /// The character for `.character`, else nil.
    public var character: Character? {
        if case .character(let character) = self { return character }
        return nil
    }
}
