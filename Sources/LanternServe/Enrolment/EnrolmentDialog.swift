import Foundation
import LanternApplication
import LanternRecords
import LanternTerminal

/// The session of `ssh enrol@HOST`: asks for the one-time code and binds the key the person
/// connected with to whoever the code was made for. Wrong codes count against the code (in the
/// records) and against the client's address (in memory); the session ends after three.
struct EnrolmentDialog {
    static let triesPerSession = 3

    let server: ServerContext
    let io: any LineIO
    let address: String
    let publicKeyLine: String
    let fingerprint: String

    /// Runs the dialog; the exit status (0 enrolled).
    func run() -> Int {
        io.write("""
            Lantern: enrol your SSH key
            Your key: \(fingerprint)
            Type the one-time code you were given (letters and digits; dashes optional).

            """)
        let enrol = EnrolKey(records: server.records, maxTries: server.configuration.codeTries)
        for _ in 0..<Self.triesPerSession {
            guard server.throttle.mayTry(address) else {
                io.write("Too many wrong codes from your network. Wait an hour, then try again.\n")
                server.log("enrolment refused for \(address): too many wrong codes")
                return 1
            }
            guard let line = io.readLine(prompt: "Code: ") else { return 1 }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let outcome: EnrolmentOutcome
            do {
                outcome = try enrol.enrol(code: line, publicKey: publicKeyLine, fingerprint: fingerprint)
            } catch {
                io.write("Enrolment could not be saved. Please try again later.\n")
                server.log("enrolment failed: \(error.message)")
                return 1
            }
            switch outcome {
            case .enrolled(let binding):
                server.log("enrolled a key for \(binding.holder.kind) \(binding.holder.id) as \(binding.principalID)")
                io.write("""
                    Done. This key is now yours on this server.
                    From now on connect without 'enrol@', with the same key.

                    """)
                return 0
            case .refused(let reason, let countsAsFailure):
                if countsAsFailure { server.throttle.failed(address) }
                io.write(reason + "\n")
                if !countsAsFailure { return 1 }
            }
        }
        return 1
    }
}
