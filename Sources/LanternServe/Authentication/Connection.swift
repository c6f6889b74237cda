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
    private let state = Mutex<(identity: Identity?, sessions: Int)>((nil, 0))

    init(address: String) {
        self.address = address
    }

    var identity: Identity? { state.withLock { $0.identity } }

    func authenticated(as identity: Identity) {
        state.withLock { $0.identity = identity }
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
