import Dispatch
import Foundation
import LanternDiagnostics
import Synchronization

/// The real terminal: standard input and output in raw mode.
///
/// Signals are turned into keys with `DispatchSource` (never an async-signal handler running
/// Swift code): SIGWINCH becomes `.resize`, SIGTERM and SIGHUP `.terminate`, SIGINT (before raw
/// mode) `.interrupt`. The dispatch handler only writes one byte into a pipe that `readKey`
/// polls beside standard input, so the learner reacts on its own thread, saves and leaves.
/// The terminal settings are also restored at process exit, whatever the path out.
public final class POSIXTerminal: Terminal {
    private let input: Int32
    private let output: Int32
    private var decoder = KeyDecoder()
    private var queued: [Key] = []
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var sources: [any DispatchSourceSignal] = []
    private var fullScreen = false

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
        var fds: [Int32] = [0, 0]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        if wakeRead >= 0 {
            _ = fcntl(wakeRead, F_SETFL, fcntl(wakeRead, F_GETFL) | O_NONBLOCK)
            _ = fcntl(wakeWrite, F_SETFL, fcntl(wakeWrite, F_GETFL) | O_NONBLOCK)
        }
        let write = wakeWrite
        for (number, byte) in [(SIGWINCH, UInt8(ascii: "W")), (SIGTERM, UInt8(ascii: "T")),
                               (SIGHUP, UInt8(ascii: "T")), (SIGINT, UInt8(ascii: "I"))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var value = byte
                _ = Foundation.write(write, &value, 1)
            }
            source.resume()
            sources.append(source)
        }
        TerminalRestorer.shared.installAtExit()
    }

    deinit {
        leaveFullScreen()
        for source in sources { source.cancel() }
        if wakeRead >= 0 { close(wakeRead); close(wakeWrite) }
    }

    /// Whether standard input and output are both terminals.
    public static var isInteractive: Bool {
        Platform.isTerminal(STDIN_FILENO) && Platform.isTerminal(STDOUT_FILENO)
    }

    public var size: TerminalSize {
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
        }
        let environment = ProcessInfo.processInfo.environment
        return TerminalSize(columns: environment["COLUMNS"].flatMap(Int.init) ?? 80,
                            rows: environment["LINES"].flatMap(Int.init) ?? 24)
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(output, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return // the terminal went away; the caller will see .terminate or .endOfInput
            }
            offset += written
        }
    }

    public func readKey() -> Key {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), decoder.hasPending ? 40 : -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if ready == 0 {
                queued += decoder.flush()
                continue
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                while Foundation.read(wakeRead, &byte, 1) == 1 {
                    switch byte {
                    case UInt8(ascii: "W"): if queued.last != .resize { queued.append(.resize) }
                    case UInt8(ascii: "T"): queued.append(.terminate)
                    default: queued.append(.interrupt)
                    }
                }
                continue
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var buffer = [UInt8](repeating: 0, count: 512)
                let count = Foundation.read(input, &buffer, buffer.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 { return .endOfInput }
                queued += decoder.feed(buffer[0..<count])
            }
        }
    }

    public func enterFullScreen() {
        guard !fullScreen else { return }
        var settings = termios()
        if tcgetattr(input, &settings) == 0 {
            TerminalRestorer.shared.remember(settings, input: input, output: output)
            var raw = settings
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
            raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR)
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            tcsetattr(input, TCSAFLUSH, &raw)
        }
        write(ANSI.alternateScreenOn + ANSI.hideCursor + ANSI.clearScreen)
        fullScreen = true
    }

    public func leaveFullScreen() {
        guard fullScreen else { return }
        fullScreen = false
        TerminalRestorer.shared.restore()
    }
}

/// Keeps the terminal settings from before raw mode, and puts them back exactly once: on
/// `leaveFullScreen`, or at process exit if something left early.
final class TerminalRestorer: Sendable {
    static let shared = TerminalRestorer()

    private struct State {
        var settings: termios?
        var input: Int32 = STDIN_FILENO
        var output: Int32 = STDOUT_FILENO
        var atExitInstalled = false
    }

    private let state = Mutex(State())

    func remember(_ settings: termios, input: Int32, output: Int32) {
        state.withLock { state in
            state.settings = settings
            state.input = input
            state.output = output
        }
    }

    func installAtExit() {
        let install = state.withLock { state in
            defer { state.atExitInstalled = true }
            return !state.atExitInstalled
        }
        if install { atexit { TerminalRestorer.shared.restore() } }
    }

    /// Cursor shown, main screen back, original settings back (no-op when nothing to restore).
    func restore() {
        let taken = state.withLock { state -> (termios, Int32, Int32)? in
            guard let settings = state.settings else { return nil }
            state.settings = nil
            return (settings, state.input, state.output)
        }
        guard let (saved, input, output) = taken else { return }
        var settings = saved
        let text = Array((ANSI.resetStyle + ANSI.showCursor + ANSI.alternateScreenOff).utf8)
        _ = text.withUnsafeBytes { Foundation.write(output, $0.baseAddress!, $0.count) }
        tcsetattr(input, TCSAFLUSH, &settings)
    }
}
