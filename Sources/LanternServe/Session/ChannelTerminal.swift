import Foundation
import LanternTerminal

/// The learner's `Terminal` over an SSH session with a PTY: keys decoded from the channel's bytes,
/// the size from the PTY request and window changes (clamped before any layout), output with
/// `\n` sent as `\r\n` (there is no server-side PTY to do it; the client's terminal is raw).
final class ChannelTerminal: Terminal {
    /// The largest window laid out; anything larger is treated as this.
    static let maximum = TerminalSize(columns: 500, rows: 200)
    /// The smallest; a smaller window shows the layout clipped.
    static let minimum = TerminalSize(columns: 20, rows: 6)

    let session: SessionChannel
    private var decoder = KeyDecoder()
    private var queued: [Key] = []

    init(session: SessionChannel) {
        self.session = session
    }

    static func clamp(_ size: TerminalSize) -> TerminalSize {
        TerminalSize(columns: min(max(size.columns, minimum.columns), maximum.columns),
                     rows: min(max(size.rows, minimum.rows), maximum.rows))
    }

    var size: TerminalSize { Self.clamp(session.size) }

    func write(_ text: String) {
        session.send(Self.crlf(text))
    }

    func readKey() -> Key {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            // A lone Escape is a key only once no more bytes follow it soon.
            guard let event = session.next(timeout: decoder.hasPending ? 0.04 : nil) else {
                queued += decoder.flush()
                continue
            }
            switch event {
            case .bytes(let bytes): queued += decoder.feed(bytes)
            case .resize: return .resize
            case .terminate: return .terminate
            case .endOfInput:
                queued += decoder.flush()
                if queued.isEmpty { return .endOfInput }
            }
        }
    }

    func enterFullScreen() {
        write(ANSISequences.enter)
    }

    func leaveFullScreen() {
        write(ANSISequences.leave)
    }

    /// `\n` as `\r\n`, leaving an existing `\r\n` alone.
    static func crlf(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D { bytes.append(0x0D) }
            bytes.append(byte)
            previous = byte
        }
        return bytes
    }
}

/// The escape sequences that switch a client's terminal to and from the learner's full screen.
enum ANSISequences {
    /// Alternate screen, hidden cursor, cleared.
    static let enter = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J\u{1B}[H"
    /// Style reset, cursor shown, main screen back.
    static let leave = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
}
