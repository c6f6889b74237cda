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
/// The user name `enrol` accepts any key (the session then asks for a one-time code); every other
/// user name is ignored and the key must be bound to a person. The records are read on the
/// server's thread pool, never on the event loop.
final class KeyAuthenticator: NIOSSHServerUserAuthenticationDelegate, Sendable {
    static let enrolUser = "enrol"

    let connection: Connection
    let records: RecordsStore
    let pool: NIOThreadPool

    init(connection: Connection, records: RecordsStore, pool: NIOThreadPool) {
        self.connection = connection
        self.records = records
        self.pool = pool
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .publicKey(let offer) = request.request else {
            responsePromise.succeed(.failure)
            return
        }
        let fingerprint = KeyFingerprint.of(offer.publicKey)
        if request.username.lowercased() == Self.enrolUser {
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
