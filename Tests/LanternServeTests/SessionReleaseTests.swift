import LanternTerminal
import NIOEmbedded
import Synchronization
import Testing
@testable import LanternServe

/// A finished session must free its connection's memory (found by `make bench-serve-faults
/// --repeat`: about 8 KiB of server memory stayed behind for every session, for good).
@Suite("lantern serve: sessions let go of their connection")
struct SessionReleaseTests {
    /// Stands for the channel handler that the session's resume-reading callback points back to.
    final class Handler: Sendable {}

    @Test("Once its channel closes, a session no longer holds the handler that owns it (no reference cycle)")
    func closedSessionReleasesItsHandler() throws {
        let channel = EmbeddedChannel()
        defer { _ = try? channel.finish() }
        weak var released: Handler?
        let session: SessionChannel
        do {
            let handler = Handler()
            released = handler
            session = SessionChannel(channel: channel, size: TerminalSize(columns: 80, rows: 24)) { _ = handler }
        }
        #expect(released != nil)   // a live session keeps its handler: it resumes reading through it

        session.channelClosed()
        #expect(released == nil)
        #expect(session.next() == .endOfInput)   // and the session thread still ends normally
    }
}
