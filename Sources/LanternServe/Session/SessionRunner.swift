import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords
import LanternTerminal

/// One session, run on its own thread: enrolment, the learner, the staff screen or one staff
/// command, by who the key is and what was asked. Ends by sending the exit status and closing
/// the channel.
struct SessionRunner: Sendable {
    let server: ServerContext
    let session: SessionChannel
    let setup: SessionSetup

    func run() {
        let status: Int
        switch (setup.identity, setup.request) {
        case (.enrolling(let line, let fingerprint), .shell):
            status = EnrolmentDialog(server: server, io: lineIO, address: setup.connection.address, publicKeyLine: line, fingerprint: fingerprint).run()
        case (.enrolling, .exec):
            refuse("To enrol, connect with no command (ssh -p PORT enrol@HOST) and type your code when asked.")
            status = 1
        case (.person(let identity), .shell):
            status = shell(identity)
        case (.person(let identity), .exec(let command)):
            if identity.isTrainer {
                status = Int(server.staffCommands.run(command, as: identity, session: session))
            } else {
                refuse("Commands are for staff with the trainer role. Connect with no command to open your \(identity.isTrainee ? "course" : "screen").")
                server.log("refused a command from \(identity.binding.principalID): not a trainer")
                status = 1
            }
        }
        session.finish(status: status)
        setup.connection.closeSession()
    }

    private var lineIO: ChannelLineIO { ChannelLineIO(session: session, echo: setup.term != nil) }

    private func refuse(_ message: String) {
        session.send(Array((message + "\n").utf8), error: true)
    }

    private func shell(_ identity: ServeIdentity) -> Int {
        do {
            switch identity.role {
            case .trainee(let traineeID):
                try runLearner(traineeID: traineeID, identity: identity)
            case .staff(let assessor):
                try StaffScreen(server: server, identity: identity, assessor: assessor, io: lineIO).run()
            }
            return 0
        } catch {
            refuse("Error: \(error.message)")
            server.log("session of \(identity.binding.principalID) ended with an error: \(error.code)")
            return 1
        }
    }

    private func runLearner(traineeID: String, identity: ServeIdentity) throws(LanternError) {
        let workspace = try server.course.loadedWorkspace()
        let records = LearnerRecords(course: server.course, records: server.records, traineeID: traineeID,
                                     actor: identity.principal, output: CapturedOutput())
        let environment = setup.environment
        let plain = setup.term == nil || setup.term == "dumb" || setup.term?.isEmpty == true
            || environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } == true
        if plain {
            try LineLearner(workspace: workspace, store: records, io: lineIO, width: ChannelTerminal.clamp(session.size).columns,
                            quizzes: server.course.takeableQuizzes).run()
        } else {
            let color = (environment["NO_COLOR"] ?? "").isEmpty
            try FullScreenLearner(workspace: workspace, store: records, terminal: ChannelTerminal(session: session), color: color,
                                  subtitle: "trainee \(traineeID)", quizzes: server.course.takeableQuizzes).run()
            session.send(ChannelTerminal.crlf("Your progress is saved. Connect again to carry on.\n"))
        }
    }
}

extension ServeIdentity {
    var isTrainee: Bool {
        if case .trainee = role { return true }
        return false
    }
}
