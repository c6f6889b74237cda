import Foundation
import LanternCurriculum

/// How `lantern serve` listens and what it allows: the address, and the limits that keep one
/// client (or one classroom) from exhausting the server.
public struct ServeConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1` by default: open it to a network on purpose).
    public var host: String
    public var port: Int
    /// Connections open at once, in all.
    public var maxConnections: Int
    /// Connections open at once from one address (a classroom behind one router shares one).
    public var maxConnectionsPerAddress: Int
    /// Session channels one connection may open (the learner, or one command each).
    public var maxSessionsPerConnection: Int
    /// Seconds a client has to authenticate before it is disconnected.
    public var authenticationTimeout: TimeInterval
    /// Seconds without a byte from the client before it is disconnected (swift-nio-ssh sends
    /// no keepalives, so a silent, dead peer is found this way).
    public var idleTimeout: TimeInterval
    /// Seconds running sessions get to save and close after SIGTERM.
    public var shutdownGrace: TimeInterval
    /// Wrong codes typed against one invitation before it is locked.
    public var codeTries: Int
    /// Wrong codes from one address, within `failureWindow`, before that address may not try again
    /// until the window passes. Only failures count: a classroom enrolling together is not locked out.
    public var failuresPerAddress: Int
    /// The window `failuresPerAddress` counts in, in seconds.
    public var failureWindow: TimeInterval
    /// Seconds an `enrol@` connection may stay open: anyone can open one (any key is accepted
    /// there), so a stranger must not be able to hold connection slots for the idle timeout.
    public var enrolmentTimeout: TimeInterval
    /// `enrol@` connections open at once from one address (the rest of the connection slots stay
    /// for people who have enrolled).
    public var maxEnrollingPerAddress: Int
    /// `enrol@` connections open at once, in all.
    public var maxEnrolling: Int

    public init(host: String = "127.0.0.1", port: Int = 2222, maxConnections: Int = 1_000, maxConnectionsPerAddress: Int = 600,
                maxSessionsPerConnection: Int = 4, authenticationTimeout: TimeInterval = 30, idleTimeout: TimeInterval = 3_600,
                shutdownGrace: TimeInterval = 10, codeTries: Int = 5, failuresPerAddress: Int = 20, failureWindow: TimeInterval = 3_600,
                enrolmentTimeout: TimeInterval = 300, maxEnrollingPerAddress: Int = 100, maxEnrolling: Int = 200) {
        self.host = host
        self.port = port
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.maxSessionsPerConnection = maxSessionsPerConnection
        self.authenticationTimeout = authenticationTimeout
        self.idleTimeout = idleTimeout
        self.shutdownGrace = shutdownGrace
        self.codeTries = codeTries
        self.failuresPerAddress = failuresPerAddress
        self.failureWindow = failureWindow
        self.enrolmentTimeout = enrolmentTimeout
        self.maxEnrollingPerAddress = maxEnrollingPerAddress
        self.maxEnrolling = maxEnrolling
    }

    /// Parses `ADDR:PORT`, `[v6]:PORT` or `:PORT` (the default address): `ServeSettings.parseListen`.
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        ServeSettings.parseListen(text).map { ($0.host, $0.port) }
    }
}
