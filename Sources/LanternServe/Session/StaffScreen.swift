import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords
import LanternTerminal

/// The screen staff see when they connect with no command. (The assessor's checklist and
/// sign-off screen comes next; for now it says who they are and what they can run.)
struct StaffScreen {
    let server: ServerContext
    let identity: ServeIdentity
    let assessor: Assessor
    let io: any LineIO

    func run() throws(LanternError) {
        let roles = assessor.roles.map(\.rawValue).joined(separator: ", ")
        io.write("Lantern: signed in as \(assessor.name) (\(assessor.id); \(roles)).\n")
        if identity.isTrainer {
            io.write("Run commands with: ssh HOST COMMAND, for example: ssh HOST report cohort COHORT --format csv\n")
        }
    }
}
