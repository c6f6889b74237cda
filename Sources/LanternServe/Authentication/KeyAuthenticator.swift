import Foundation
import LanternApplication
import LanternRecords
import NIOCore
import NIOPosix
import NIOSSH

/// Public-key authentication, nothing else (no passwords, no keyboard-interactive). swift-nio-ssh
/// has already checked the signature when this is asked, and only offers Ed25519 and ECDSA
/// (P-256/384/521) keys: an RSA key is refused before it gets here.
///
/// The user name `enrol` accepts any key (the session then asks for a one-time code) while the
/// server has an `enrol@` slot free for the client's address; every other user name is ignored
/// and the key must be bound to a person. The records are read on the
/// server's thread pool, never on the event loop.
final class KeyAuthenticator: NIOSSHServerUserAuthenticationDelegate, Sendable {
    static let enrolUser = "enrol"

    let connection: Connection
    let records: RecordsStore
    let pool: NIOThreadPool
    let enrolmentSlots: ConnectionLimits
    let log: @Sendable (String) -> Void

    init(connection: Connection, records: RecordsStore, pool: NIOThreadPool, enrolmentSlots: ConnectionLimits,
         log: @escaping @Sendable (String) -> Void) {
        self.log = log
        self.connection = connection
        self.records = records
        self.pool = pool
        self.enrolmentSlots = enrolmentSlots
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .publicKey(let offer) = request.request else {
            responsePromise.succeed(.failure)
            return
        }
        let fingerprint = KeyFingerprint.of(offer.publicKey)
        if request.username.lowercased() == Self.enrolUser {
            guard connection.holdsEnrolmentSlot || enrolmentSlots.open(connection.address) else {
                log("refused enrol@ from \(connection.address): too many enrolment connections open")
                responsePromise.succeed(.failure)
                return
            }
            connection.tookEnrolmentSlot()
            connection.authenticated(as: .enrolling(publicKeyLine: String(openSSHPublicKey: offer.publicKey), fingerprint: fingerprint))
            responsePromise.succeed(.success)
            return
        }
        let records = records
        let connection = connection
        pool.runIfActive(eventLoop: responsePromise.futureResult.eventLoop) { () -> NIOSSHUserAuthenticationOutcome in
            guard let identity = try? ServeIdentity.identify(fingerprint: fingerprint, records: records) else { return .failure }
            connection.authenticated(as: .person(identity))
            return .success
        }.cascade(to: responsePromise)
    }
}
