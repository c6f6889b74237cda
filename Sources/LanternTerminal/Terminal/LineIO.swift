import Foundation

/// Line-by-line input and output for the plain learner (screen readers, `TERM=dumb`, scripts).
/// Nothing is ever redrawn: output is a transcript read in order.
public protocol LineIO: AnyObject {
    /// Writes `prompt`, then reads one line without its newline; nil at end of input.
    func readLine(prompt: String) -> String?
    func write(_ text: String)
}

/// Standard input and output.
public final class StandardLineIO: LineIO {
    public init() {}

    public func readLine(prompt: String) -> String? {
        write(prompt)
        return Swift.readLine(strippingNewline: true)
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Lines queued in advance and a transcript of everything written, for tests.
public final class ScriptedLineIO: LineIO {
    public private(set) var transcript = ""
    private var lines: [String]

    public init(lines: [String]) {
        self.lines = lines
    }

    public func readLine(prompt: String) -> String? {
        transcript += prompt
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        transcript += line + "\n"
        return line
    }

    public func write(_ text: String) { transcript += text }
}
