/// The size of a terminal window in character cells.
public struct TerminalSize: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// What the learner needs from a terminal: write text, read one key, know the size, and switch
/// full-screen raw mode on and off. `POSIXTerminal` is the real one; `ScriptedTerminal` plays
/// queued keys into a virtual screen for tests.
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    func write(_ text: String)
    /// Blocks until a key (or `.resize`, `.terminate`, `.endOfInput`) arrives.
    func readKey() -> Key
    /// Raw mode, alternate screen, hidden cursor.
    func enterFullScreen()
    /// Everything `enterFullScreen` changed, undone. Safe to call more than once.
    func leaveFullScreen()
}
