import Foundation
import LanternTerminal

/// Line input and output over an SSH session, for the plain learner, enrolment and the assessor
/// screen. With a PTY the client's terminal is raw, so this echoes what is typed and handles
/// Backspace, Ctrl-U (clear), Ctrl-C and Ctrl-D (leave); without one, the client sends whole
/// lines it has echoed itself.
final class ChannelLineIO: LineIO {
    /// The longest line kept; further bytes are dropped.
    static let maximumLine = 4_096

    let session: SessionChannel
    let echo: Bool
    private var pending: [UInt8] = []
    private var position = 0
    private var afterCarriageReturn = false
    private var ended = false
    /// The input ended because the connection dropped or the server is stopping, not by the client's EOF.
    private var cutOff = false

    init(session: SessionChannel, echo: Bool) {
        self.session = session
        self.echo = echo
    }

    func write(_ text: String) {
        session.send(echo ? ChannelTerminal.crlf(text) : Array(text.utf8))
    }

    func readLine(prompt: String) -> String? {
        write(prompt)
        var line: [UInt8] = []
        while true {
            guard let byte = nextByte() else {
                // A last line without Enter counts only when the client ended its input (`ssh -T <
                // file`); typed but unconfirmed when the connection dropped or the server stopped,
                // it is not an answer the person gave.
                return line.isEmpty || cutOff ? nil : String(decoding: line, as: UTF8.self)
            }
            let wasCarriageReturn = afterCarriageReturn
            afterCarriageReturn = byte == 0x0D
            switch byte {
            case 0x0A where wasCarriageReturn:
                continue
            case 0x0D, 0x0A:
                if echo { session.send([0x0D, 0x0A]) }
                return String(decoding: line, as: UTF8.self)
            case 0x7F, 0x08:
                guard !line.isEmpty else { continue }
                // Remove one whole UTF-8 character.
                repeat { line.removeLast() } while !line.isEmpty && line[line.count - 1] & 0xC0 == 0x80
                if echo { session.send([0x08, 0x20, 0x08]) }
            case 0x15:
                if echo { session.send(Array(String(repeating: "\u{8} \u{8}", count: line.count).utf8)) }
                line.removeAll()
            case 0x03 where echo:
                session.send([0x5E, 0x43, 0x0D, 0x0A])
                ended = true
                return nil
            case 0x04 where echo:
                if line.isEmpty {
                    ended = true
                    return nil
                }
            case 0x1B:
                skipEscapeSequence()
            case 0x09, 0x20...0xFF:
                guard line.count < Self.maximumLine else { continue }
                line.append(byte)
                if echo { session.send([byte]) }
            default:
                continue
            }
        }
    }

    private func nextByte() -> UInt8? {
        while position >= pending.count {
            if ended { return nil }
            pending.removeAll(keepingCapacity: true)
            position = 0
            switch session.next() {
            case .bytes(let bytes): pending = bytes
            case .resize, nil: continue
            case .terminate:
                ended = true
                cutOff = true
                return nil
            case .endOfInput:
                ended = true
                cutOff = session.isClosed
                return nil
            }
        }
        defer { position += 1 }
        return pending[position]
    }

    /// Drops the rest of an arrow key or similar (`ESC [ … letter` or `ESC O letter`).
    private func skipEscapeSequence() {
        guard position < pending.count else { return }
        let introducer = pending[position]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else { return }
        position += 1
        while position < pending.count {
            let byte = pending[position]
            position += 1
            if (0x40...0x7E).contains(byte) { return }
        }
    }
}
