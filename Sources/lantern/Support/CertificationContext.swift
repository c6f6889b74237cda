import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics

/// The loaded workspace plus its issuer identity and key store, for certificate commands.
struct CertificationContext {
    let root: URL
    let display: String
    let workspace: Workspace
    let identity: IssuerIdentity
    let keys: KeyStore

    init(_ location: WorkspaceOption) throws {
        let (root, display) = try location.resolve()
        let result = WorkspaceLoader().load(at: root, displayRoot: display)
        guard let workspace = result.workspace else {
            throw LanternError(.workspaceInvalid, "the workspace cannot be loaded", hint: "run 'lantern check' to see what is wrong")
        }
        self.root = root
        self.display = display
        self.workspace = workspace
        identity = IssuerIdentity(config: workspace.config)
        keys = KeyStore(workspaceRoot: root, displayRoot: display)
    }

    func issuerProfile() throws -> IssuerProfile {
        let publicKeys = try keys.publishedKeys()
        guard !publicKeys.isEmpty else {
            throw LanternError(.keysMissing, "no signing keys in this workspace", hint: "run 'lantern keys generate'")
        }
        return IssuerProfile(identity: identity, keys: publicKeys)
    }
}
