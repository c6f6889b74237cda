/// A terminal for tests: keys are queued in advance, output lands on a `VirtualScreen` and in a
/// transcript. When the queue runs dry it reports `.endOfInput`, like a closed terminal.
public final class ScriptedTerminal: Terminal {
    /// One scripted event.
    public enum Step: Sendable, Hashable {
        case key(Key)
        /// The window is resized; the learner reads `.resize`.
        case resize(TerminalSize)
    }

    public private(set) var screen: VirtualScreen
    /// Everything written, escapes included.
    public private(set) var output = ""
    public private(set) var isFullScreen = false
    /// How many times `leaveFullScreen` actually restored the terminal.
    public private(set) var restoreCount = 0
    private var steps: [Step]
    /// Called before each key is handed out, with the screen as it is (for checks mid-journey).
    public var onRead: ((ScriptedTerminal) -> Void)?

    public init(size: TerminalSize = TerminalSize(columns: 80, rows: 24), steps: [Step] = []) {
        screen = VirtualScreen(size: size)
        self.steps = steps
    }

    public var size: TerminalSize { screen.size }

    /// Queues keys; `type("abc")` queues one character key each.
    public func press(_ keys: Key...) { steps += keys.map(Step.key) }

    public func type(_ text: String) { steps += text.map { Step.key(.character($0)) } }

    public func resize(to size: TerminalSize) { steps.append(.resize(size)) }

    public var remainingSteps: Int { steps.count }

    public func write(_ text: String) {
        output += text
        screen.apply(text)
    }

    public func readKey() -> Key {
        onRead?(self)
        guard !steps.isEmpty else { return .endOfInput }
        switch steps.removeFirst() {
        case .key(let key):
            return key
        case .resize(let size):
            screen.resize(to: size)
            return .resize
        }
    }

    public func enterFullScreen() {
        isFullScreen = true
        write(ANSI.alternateScreenOn + ANSI.hideCursor + ANSI.clearScreen)
    }

    public func leaveFullScreen() {
        guard isFullScreen else { return }
        isFullScreen = false
        restoreCount += 1
        write(ANSI.resetStyle + ANSI.showCursor + ANSI.alternateScreenOff)
    }

    /// Clears the transcript (the screen stays).
    public func clearOutput() { output = "" }
}
