import Foundation
import LanternTerminal
import NIOCore
import NIOSSH

/// The meeting point of one SSH session channel (driven by its event loop) and the session's own
/// thread (which runs the blocking learner). Input is a bounded byte queue: when it is full the
/// channel stops reading, so SSH flow control holds the client back instead of the server
/// buffering without limit. Output waits while the channel is not writable or too much is still
/// unsent, so a client that stops reading blocks only its own session thread.
final class SessionChannel: @unchecked Sendable {
    /// Bytes of input held before the channel stops reading.
    static let inputCapacity = 16 * 1_024
    /// Bytes written but not yet sent before the session thread waits.
    static let outputCapacity = 256 * 1_024

    enum Event: Equatable {
        case bytes([UInt8])
        case resize
        case terminate
        case endOfInput
    }

    let channel: any Channel
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var input: [UInt8] = []
    private var inputClosed = false
    private var closed = false
    private var terminating = false
    private var resized = false
    private var writable = true
    private var unsent = 0
    private var windowSize: TerminalSize
    /// Called (on any thread) when the input queue has room again, to resume reading. It points
    /// back to the channel's handler, which holds this session: dropped when the channel closes,
    /// or the pair would keep each other (and the connection) alive after the session ends.
    private var resumeReading: (@Sendable () -> Void)?
    private var readingPaused = false

    init(channel: any Channel, size: TerminalSize, resumeReading: @escaping @Sendable () -> Void) {
        self.channel = channel
        self.windowSize = size
        self.resumeReading = resumeReading
    }

    // MARK: Event-loop side

    /// Adds bytes from the client; returns false when the queue is now full (stop reading).
    func received(_ bytes: ByteBuffer) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        input.append(contentsOf: bytes.readableBytesView)
        condition.broadcast()
        if input.count >= Self.inputCapacity {
            readingPaused = true
            return false
        }
        return true
    }

    func inputEnded() {
        condition.lock()
        inputClosed = true
        condition.broadcast()
        condition.unlock()
    }

    func channelClosed() {
        condition.lock()
        closed = true
        inputClosed = true
        resumeReading = nil
        condition.broadcast()
        condition.unlock()
    }

    func writabilityChanged(_ isWritable: Bool) {
        condition.lock()
        writable = isWritable
        condition.broadcast()
        condition.unlock()
    }

    func resize(_ size: TerminalSize) {
        condition.lock()
        windowSize = size
        resized = true
        condition.broadcast()
        condition.unlock()
    }

    /// The server is stopping: the session saves and leaves at its next key.
    func terminate() {
        condition.lock()
        terminating = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: Session-thread side

    var size: TerminalSize {
        condition.lock()
        defer { condition.unlock() }
        return windowSize
    }

    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// Waits for input or an event; `timeout` (seconds) ends the wait with nil.
    func next(timeout: TimeInterval? = nil) -> Event? {
        condition.lock()
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while input.isEmpty && !inputClosed && !terminating && !resized {
            if let deadline {
                if !condition.wait(until: deadline) {
                    condition.unlock()
                    return nil
                }
            } else {
                condition.wait()
            }
        }
        let event: Event
        if terminating {
            event = .terminate
        } else if resized {
            resized = false
            event = .resize
        } else if !input.isEmpty {
            event = .bytes(input)
            input.removeAll(keepingCapacity: true)
        } else {
            event = .endOfInput
        }
        let resume = readingPaused && input.count < Self.inputCapacity / 2 ? resumeReading : nil
        if resume != nil { readingPaused = false }
        condition.unlock()
        resume?()
        return event
    }

    /// Sends `bytes` (to standard error when `error`), waiting while the client is not reading.
    func send(_ bytes: [UInt8], error: Bool = false) {
        guard !bytes.isEmpty else { return }
        condition.lock()
        while !closed && (!writable || unsent > Self.outputCapacity) {
            _ = condition.wait(until: Date().addingTimeInterval(1))
        }
        if closed {
            condition.unlock()
            return
        }
        unsent += bytes.count
        condition.unlock()
        let count = bytes.count
        var buffer = channel.allocator.buffer(capacity: count)
        buffer.writeBytes(bytes)
        let data = SSHChannelData(type: error ? .stdErr : .channel, data: .byteBuffer(buffer))
        channel.writeAndFlush(data).whenComplete { [self] _ in
            condition.lock()
            unsent -= count
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Sends the exit status and closes the channel (waiting for the output to be sent first).
    func finish(status: Int) {
        let channel = channel
        channel.eventLoop.execute {
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
