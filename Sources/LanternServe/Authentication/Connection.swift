import Foundation
import LanternApplication
import NIOSSH
import Synchronization

/// One TCP connection to the server: where it came from and, once the client has proved a key,
/// who it is. Shared by the connection's authentication delegate and its session channels.
final class Connection: Sendable {
    /// Who a connection is after authentication.
    enum Identity: Sendable {
        /// `enrol@`: any Ed25519 or ECDSA key, which the code typed in the session binds.
        case enrolling(publicKeyLine: String, fingerprint: String)
        case person(ServeIdentity)
    }

    /// The client's IP address (no port), for limits and failure counts.
    let address: String
    private let state = Mutex<(identity: Identity?, sessions: Int, holdsEnrolmentSlot: Bool)>((nil, 0, false))

    init(address: String) {
        self.address = address
    }

    var identity: Identity? { state.withLock { $0.identity } }

    func authenticated(as identity: Identity) {
        state.withLock { $0.identity = identity }
    }

    /// Marks that this connection took one of the server's `enrol@` slots (given back when it closes).
    func tookEnrolmentSlot() {
        state.withLock { $0.holdsEnrolmentSlot = true }
    }

    /// Whether this connection holds an `enrol@` slot.
    var holdsEnrolmentSlot: Bool { state.withLock { $0.holdsEnrolmentSlot } }

    /// Whether the connection signed in as `enrol@`.
    var isEnrolling: Bool {
        if case .enrolling = identity { return true }
        return false
    }

    /// A session channel ended.
    func closeSession() {
        state.withLock { $0.sessions = max(0, $0.sessions - 1) }
    }

    /// Counts a new session channel; false when the connection already has `limit` open.
    func openSession(limit: Int) -> Bool {
        state.withLock { state in
            guard state.sessions < limit else { return false }
            state.sessions += 1
            return true
        }
    }
}
