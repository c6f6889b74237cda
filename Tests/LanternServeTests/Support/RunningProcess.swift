import Foundation

/// A process whose output is read as it comes, so a test can wait for a line (a readiness
/// signal, a prompt) instead of sleeping, and type into its standard input.
final class RunningProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let condition = NSCondition()
    private var outputText = ""
    private var errorText = ""
    private var openStreams = 2

    init(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "LANTERN_DB")
        env.removeValue(forKey: "SSH_AUTH_SOCK")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        read(output.fileHandleForReading, error: false)
        read(errors.fileHandleForReading, error: true)
    }

    private func read(_ handle: FileHandle, error: Bool) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                condition.lock()
                if data.isEmpty {
                    openStreams -= 1
                } else if error {
                    errorText += String(decoding: data, as: UTF8.self)
                } else {
                    outputText += String(decoding: data, as: UTF8.self)
                }
                condition.broadcast()
                condition.unlock()
                if data.isEmpty { return }
            }
        }
        thread.start()
    }

    var output: String {
        condition.lock()
        defer { condition.unlock() }
        return outputText
    }

    var errors: String {
        condition.lock()
        defer { condition.unlock() }
        return errorText
    }

    /// Waits until standard output (or standard error, with `inErrors`) contains `text`; the
    /// text so far. Throws on timeout or when the process ends without it.
    @discardableResult
    func expect(_ text: String, inErrors: Bool = false, after offset: Int = 0, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let current = inErrors ? errorText : outputText
            let searched = current.count > offset ? String(current.dropFirst(offset)) : ""
            if searched.contains(text) { return current }
            if openStreams == 0 || !condition.wait(until: deadline) {
                throw HarnessError("did not see \(text.debugDescription) within \(timeout)s; output: \(outputText.suffix(1_500).debugDescription); errors: \(errorText.suffix(800).debugDescription)")
            }
        }
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the process to end (killing it after `timeout`); its exit status.
    @discardableResult
    func wait(timeout: TimeInterval = 20) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            return -1
        }
        process.waitUntilExit()
        // Let the readers take the last bytes.
        condition.lock()
        while openStreams > 0 { _ = condition.wait(until: Date().addingTimeInterval(2)); break }
        condition.unlock()
        return process.terminationStatus
    }

    func kill(_ signal: Int32 = SIGKILL) {
        if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
    }

    deinit {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
