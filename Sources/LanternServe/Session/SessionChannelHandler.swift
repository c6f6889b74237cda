import Foundation
import LanternTerminal
import NIOCore
import NIOSSH

/// The handler of one SSH session channel. It collects the PTY size, window changes and the
/// environment the client sends, starts the session's thread on `shell` or `exec`, and moves
/// bytes between the channel and `SessionChannel`. Subsystems (sftp) are refused; agent and X11
/// forwarding requests are not understood and so refused by swift-nio-ssh.
final class SessionChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    /// Environment variables a client may set (OpenSSH's `SendEnv`/`SetEnv`); others are ignored.
    static let acceptedEnvironment: Set<String> = ["NO_COLOR", "ACCESSIBLE", "LANG", "LC_ALL"]

    let connection: Connection
    let server: ServerContext
    private var terminal: (term: String, size: TerminalSize)?
    private var environment: [String: String] = [:]
    private var session: SessionChannel?
    private var readPaused = false
    private var readPending = false
    private var context: ChannelHandlerContext?

    init(connection: Connection, server: ServerContext) {
        self.connection = connection
        self.server = server
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        // The session holds this handler (its resume-reading callback) and this handler the
        // session: let go, or every connection's channels stay in memory after it closes
        // (LeakSanitizer found about 6 KiB kept per connection).
        session = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            // A client that does not know its size (its input is not a terminal) sends 0×0: 80×24.
            let columns = request.terminalCharacterWidth > 0 ? request.terminalCharacterWidth : 80
            let rows = request.terminalRowHeight > 0 ? request.terminalRowHeight : 24
            terminal = (request.term, TerminalSize(columns: columns, rows: rows))
            reply(request.wantReply, session == nil, context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = Self.acceptedEnvironment.contains(request.name) && request.value.utf8.count <= 256
            if accepted { environment[request.name] = request.value }
            reply(request.wantReply, accepted, context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let size = TerminalSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            if let current = terminal { terminal = (current.term, size) }
            session?.resize(size)
        case let request as SSHChannelRequestEvent.ShellRequest:
            reply(request.wantReply, start(.shell, context), context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            reply(request.wantReply, start(.exec(request.command), context), context)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            reply(request.wantReply, false, context)
        case let event as ChannelEvent where event == .inputClosed:
            session?.inputEnded()
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case .byteBuffer(let bytes) = data.data, let session else { return }
        if !session.received(bytes) { readPaused = true }
    }

    func read(context: ChannelHandlerContext) {
        if readPaused {
            readPending = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session?.writabilityChanged(context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        session?.channelClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func resumeReading() {
        readPaused = false
        if readPending, let context {
            readPending = false
            context.read()
        }
    }

    private func reply(_ wanted: Bool, _ success: Bool, _ context: ChannelHandlerContext) {
        guard wanted else { return }
        if success {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Starts the session's thread; false when one already runs on this channel, the connection
    /// has too many, or the server is stopping.
    private func start(_ request: SessionRequest, _ context: ChannelHandlerContext) -> Bool {
        guard session == nil, let identity = connection.identity,
              connection.openSession(limit: server.configuration.maxSessionsPerConnection) else { return false }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let session = SessionChannel(channel: context.channel, size: terminal?.size ?? TerminalSize(columns: 80, rows: 24)) {
            eventLoop.execute { loopBound.value.resumeReading() }
        }
        session.writabilityChanged(context.channel.isWritable)
        self.session = session
        let setup = SessionSetup(identity: identity, request: request, term: terminal?.term, environment: environment,
                                 connection: connection)
        guard server.sessions.launch(SessionRunner(server: server, session: session, setup: setup)) else {
            connection.closeSession()
            return false
        }
        return true
    }
}

/// What the client asked the session for.
enum SessionRequest: Sendable, Equatable {
    case shell
    case exec(String)
}

/// What a session knows when it starts.
struct SessionSetup: Sendable {
    let identity: Connection.Identity
    let request: SessionRequest
    /// The PTY's terminal type, nil without a PTY.
    let term: String?
    let environment: [String: String]
    /// The connection it runs on (its address counts enrolment failures).
    let connection: Connection
}
