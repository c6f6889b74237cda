import Foundation
import LanternCurriculum
import LanternCertification
import LanternSite
import LanternTestSupport

/// Workspaces and certificates the site tests build from.
enum SiteFixtures {
    /// A verification input with one certificate whose holder agreed to show their name,
    /// and one whose holder did not.
    static let verification = VerificationSite(
        issuerJSON: "{\"id\":\"https://training.example.org/issuer.json\",\"type\":[\"Profile\"],\"name\":\"Test Training Org\"}\n",
        statusListJWT: "eyJhbGciOiJFUzI1NiJ9.eyJzdGF0dXMiOiJsaXN0In0.c2lnbmF0dXJl",
        credentials: [
            PublishableCredential(id: "c-0001", jwt: "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6MX0.c2ln", achievementName: "Test Program",
                                issuerName: "Test Training Org", issuedOn: "2026-01-15", validUntil: "2028-01-15",
                                holderName: "Alex Rivera", status: .active),
            PublishableCredential(id: "c-0002", jwt: "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6Mn0.c2ln", achievementName: "Test Program",
                                issuerName: "Test Training Org", issuedOn: "2025-06-01", validUntil: "2027-06-01",
                                holderName: nil, status: .revoked),
        ])

    static func load(_ folder: TemporaryFolder) throws -> Workspace {
        let result = WorkspaceLoader().load(at: folder.url, displayRoot: "WS")
        guard let workspace = result.workspace, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw FixtureError(message: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return workspace
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Every regular file under `folder`, relative path → bytes.
    static func files(in folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return out }
        while let relative = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                out[relative] = FileManager.default.contents(atPath: root + "/" + relative)
            }
        }
        return out
    }

    /// Writes the verification input as the JSON file `lantern build --verification-input` reads.
    static func writeVerificationInput(_ verification: VerificationSite, to folder: TemporaryFolder) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let url = try folder.write("verification.json", try encoder.encode(verification))
        return url.path
    }
}
