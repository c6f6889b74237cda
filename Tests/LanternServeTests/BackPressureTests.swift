import NIOCore
import NIOEmbedded
import Testing
@testable import LanternServe

/// A client that stops reading must not make the server buffer for it without limit (found by
/// `make bench-serve-faults`: keepalive requests from a client that never read its replies).
@Suite("lantern serve: back-pressure on each connection")
struct BackPressureTests {
    /// Counts the reads that reach the socket.
    final class SocketReads: ChannelOutboundHandler {
        typealias OutboundIn = Any
        var count = 0

        func read(context: ChannelHandlerContext) {
            count += 1
            context.read()
        }
    }

    @Test("While a connection cannot write, its socket is not read; reading resumes when it can")
    func socketNotReadWhileUnwritable() throws {
        let channel = EmbeddedChannel()
        defer { _ = try? channel.finish() }
        let reads = SocketReads()
        try channel.pipeline.syncOperations.addHandler(reads)
        try channel.pipeline.syncOperations.addHandlers(SSHServer.transportHandlers(idleTimeout: .hours(1)))

        channel.read()
        #expect(reads.count == 1)

        channel.isWritable = false   // the client stopped reading: writes are queued past the high watermark
        channel.pipeline.fireChannelWritabilityChanged()
        channel.read()
        channel.read()
        #expect(reads.count == 1)

        channel.isWritable = true
        channel.pipeline.fireChannelWritabilityChanged()
        #expect(reads.count == 2)
    }
}
