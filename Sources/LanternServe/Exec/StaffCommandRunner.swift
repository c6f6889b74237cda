import Foundation
import LanternApplication

/// Runs an allowed staff command as a child `lantern` process: in the workspace, on the
/// server's database, with a clean environment, no standard input, and the key's principal as
/// the actor (`LANTERN_SSH_PRINCIPAL`). A separate process keeps the server's own state out of
/// the command's reach and reuses every command exactly as the CLI runs it.
public struct StaffCommandRunner: Sendable {
    /// The environment variable that names the acting SSH principal to the child process.
    public static let principalVariable = "LANTERN_SSH_PRINCIPAL"

    let executable: String
    let workspaceRoot: String
    let databasePath: String

    public init(executable: String, workspaceRoot: String, databasePath: String) {
        self.executable = executable
        self.workspaceRoot = workspaceRoot
        self.databasePath = databasePath
    }

    /// Runs `command` for `identity`, streaming its output to the session; the exit status.
    func run(_ command: String, as identity: ServeIdentity, session: SessionChannel) -> Int32 {
        guard let words = ShellWords.split(command) else {
            session.send(Array("Error: a quote is not closed in the command\n".utf8), error: true)
            return 2
        }
        let arguments: [String]
        switch StaffCommandPolicy.check(words) {
        case .success(let allowed): arguments = allowed
        case .failure(let refusal):
            session.send(Array("Error: \(refusal.message)\n".utf8), error: true)
            return 2
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workspaceRoot)
        process.environment = [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "100",
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/",
            "LANTERN_DB": databasePath,
            Self.principalVariable: identity.principal.name,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            session.send(Array("Error: the command could not start\n".utf8), error: true)
            return 1
        }
        let errorsDone = DispatchSemaphore(value: 0)
        let errorThread = Thread {
            Self.copy(errors.fileHandleForReading) { session.send($0, error: true) }
            errorsDone.signal()
        }
        errorThread.start()
        Self.copy(output.fileHandleForReading) { session.send($0) }
        process.waitUntilExit()
        // Standard error's reader ends when the pipe closes with the process.
        errorsDone.wait()
        return process.terminationStatus
    }

    private static func copy(_ handle: FileHandle, to send: ([UInt8]) -> Void) {
        while true {
            let data = handle.availableData
            if data.isEmpty { return }
            send(Array(data))
        }
    }
}
