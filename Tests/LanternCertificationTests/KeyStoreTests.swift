import Crypto
import Foundation
import LanternDiagnostics
import LanternCertification
import LanternTestSupport
import Testing

@Suite struct KeyStoreTests {
    @Test func generatedKeyIsPrivateAndRotationKeepsOldPublicKeys() throws {
        let folder = try TemporaryFolder()
        let store = KeyStore(workspaceRoot: folder.url)
        let first = try store.generate()
        #expect(store.mode(of: first.thumbprint) == 0o600)
        #expect(try store.activeKey().thumbprint == first.thumbprint)
        #expect { try store.generate() } throws: { ($0 as? LanternError)?.code == "keys-exist" }

        let second = try #require(try store.rotate().newKey)
        #expect(second.thumbprint != first.thumbprint)
        #expect(try store.activeKey().thumbprint == second.thumbprint)
        let entries = try store.entries()
        #expect(entries.map(\.thumbprint) == [first.thumbprint, second.thumbprint])
        #expect(entries.map(\.isActive) == [false, true])
        #expect(try store.publishedKeys().map(\.thumbprint) == [first.thumbprint, second.thumbprint])
    }

    @Test func keyReadableByOthersIsRefused() throws {
        let folder = try TemporaryFolder()
        let store = KeyStore(workspaceRoot: folder.url)
        let key = try store.generate()
        let path = folder.url.appendingPathComponent(".lantern/keys/\(key.thumbprint).pem").path
        for mode in [0o644, 0o640, 0o604] {
            chmod(path, mode_t(mode))
            #expect { try store.activeKey() } throws: { ($0 as? LanternError)?.code == "key-permissions" }
        }
        chmod(path, 0o600)
        #expect(try store.activeKey().thumbprint == key.thumbprint)
    }

    @Test func thumbprintMatchesRFC7638Example() throws {
        // RFC 7638 has no P-256 example; check the definition directly instead.
        let key = SigningKey.generate()
        let jwk = key.publicJWK
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(jwk.x)","y":"\#(jwk.y)"}"#
        let expected = Base64URL.encode(Array(SHA256Digest(canonical)))
        #expect(jwk.thumbprint == expected)
        #expect(try PublicJWK(jwk: jwk.json(kid: "k")).thumbprint == jwk.thumbprint)
    }
}

func SHA256Digest(_ text: String) -> [UInt8] { Array(SHA256.hash(data: Array(text.utf8))) }
