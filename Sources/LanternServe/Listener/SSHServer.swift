import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// `lantern serve`: an SSH server (swift-nio-ssh) on which each person is the key they enrolled.
/// Event loops only move bytes; records are read on a thread pool during authentication and
/// every session runs on its own thread.
public final class SSHServer: Sendable {
    let context: ServerContext
    let hostKey: HostKey
    private let group: MultiThreadedEventLoopGroup
    private let pool: NIOThreadPool
    private let limits: ConnectionLimits
    /// `enrol@` connections, counted apart (see `ServeConfiguration.maxEnrolling`).
    private let enrolmentSlots: ConnectionLimits
    private let listener = Mutex<(any Channel)?>(nil)
    private let stopped = NSCondition()
    private let state = Mutex<(stopping: Bool, done: Bool)>((false, false))

    /// - Parameters:
    ///   - staffCommands: runs the commands staff send as exec requests.
    ///   - log: one line per event worth an operator's attention (never key material or codes).
    public init(course: Course, records: RecordsStore, hostKey: HostKey, configuration: ServeConfiguration,
                staffCommands: StaffCommandRunner, log: @escaping @Sendable (String) -> Void) {
        context = ServerContext(course: course, records: records, configuration: configuration, staffCommands: staffCommands, log: log)
        self.hostKey = hostKey
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, min(System.coreCount, 4)))
        pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        limits = ConnectionLimits(maxTotal: configuration.maxConnections, maxPerAddress: configuration.maxConnectionsPerAddress)
        enrolmentSlots = ConnectionLimits(maxTotal: configuration.maxEnrolling, maxPerAddress: configuration.maxEnrollingPerAddress)
    }

    /// Binds the listening socket; returns the port (useful with port 0).
    @discardableResult
    public func start() throws(LanternError) -> Int {
        let configuration = context.configuration
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                initialize(channel)
            }
        do {
            let channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
            listener.withLock { $0 = channel }
            return channel.localAddress?.port ?? configuration.port
        } catch {
            throw LanternError(.cannotListen, "cannot listen on \(configuration.host):\(configuration.port): \(error)",
                               hint: "is another server using the port? Choose another with --listen ADDR:PORT")
        }
    }

    private func initialize(_ channel: any Channel) -> EventLoopFuture<Void> {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        guard !state.withLock({ $0.stopping }), limits.open(address) else {
            context.log("refused a connection from \(address): too many connections")
            return channel.eventLoop.makeFailedFuture(ServeRefusal.tooManyConnections)
        }
        let limits = limits
        channel.closeFuture.whenComplete { _ in limits.close(address) }
        let connection = Connection(address: address)
        let timeout = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(context.configuration.authenticationTimeout * 1_000))) {
            if connection.identity == nil { channel.close(promise: nil) }
        }
        channel.closeFuture.whenComplete { _ in timeout.cancel() }
        // Anyone can sign in as enrol@, so those connections get a few minutes, not the idle timeout.
        let enrolmentSlots = enrolmentSlots
        let enrolmentTimeout = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(context.configuration.enrolmentTimeout * 1_000))) {
            if connection.isEnrolling { channel.close(promise: nil) }
        }
        channel.closeFuture.whenComplete { _ in
            enrolmentTimeout.cancel()
            if connection.holdsEnrolmentSlot { enrolmentSlots.close(address) }
        }
        let context = context
        let hostKey = hostKey.privateKey
        let pool = pool
        return channel.eventLoop.makeCompletedFuture {
            var server = SSHServerConfiguration(hostKeys: [hostKey],
                                                userAuthDelegate: KeyAuthenticator(connection: connection, records: context.records, pool: pool,
                                                                                  enrolmentSlots: enrolmentSlots, log: context.log))
            server.maxAuthAttempts = 8
            let ssh = NIOSSHHandler(role: .server(server), allocator: channel.allocator) { child, type in
                guard case .session = type else {
                    // Port forwarding (direct-tcpip) and anything else: refused.
                    return child.eventLoop.makeFailedFuture(ServeRefusal.channelType)
                }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(SessionChannelHandler(connection: connection, server: context))
                }
            }
            let idle = TimeAmount.milliseconds(Int64(context.configuration.idleTimeout * 1_000))
            try channel.pipeline.syncOperations.addHandlers(Self.transportHandlers(idleTimeout: idle) + [ssh, ConnectionCloser()])
        }
    }

    /// The handlers between a connection's socket and its SSH handler, socket side first.
    /// `BackPressureHandler` stops reading the socket while the connection cannot write (its
    /// client is not reading): otherwise a client that never reads but keeps sending requests
    /// that want a reply (OpenSSH's keepalive) makes the server queue replies without limit
    /// (measured by `make bench-serve-faults`: +120 MiB in 10 s from one client).
    static func transportHandlers(idleTimeout: TimeAmount) -> [any ChannelHandler] {
        [BackPressureHandler(), IdleStateHandler(readTimeout: idleTimeout), ConnectionCloser()]
    }

    /// Stops accepting, asks every session to save and leave, waits up to the grace period,
    /// then closes every connection. Safe to call more than once, from any thread.
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping
        }
        guard first else { return }
        let channel = listener.withLock { $0 }
        try? channel?.close().wait()
        context.sessions.terminateAll()
        let ended = context.sessions.waitForAll(until: Date().addingTimeInterval(context.configuration.shutdownGrace))
        if !ended { context.log("\(context.sessions.count) session(s) did not end within the grace period; closing them") }
        try? group.syncShutdownGracefully()
        try? pool.syncShutdownGracefully()
        stopped.lock()
        state.withLock { $0.done = true }
        stopped.broadcast()
        stopped.unlock()
    }

    /// Blocks until `stop()` has finished.
    public func waitUntilStopped() {
        stopped.lock()
        while !state.withLock({ $0.done }) { stopped.wait() }
        stopped.unlock()
    }

    /// Connections open now.
    public var openConnections: Int { limits.open }
}

/// Why the server turned something away (logged, never shown in detail to the client).
enum ServeRefusal: Error {
    case tooManyConnections
    case channelType
}

/// Closes the connection on an idle timeout or an error in its pipeline.
final class ConnectionCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
