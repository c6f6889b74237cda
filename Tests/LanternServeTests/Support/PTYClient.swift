import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ssh` run on a pseudo-terminal this test owns, as a person's terminal runs it: its standard
/// input, output and error are the PTY's terminal side, so `ssh` reads the window size from it,
/// and resizing it (TIOCSWINSZ, then SIGWINCH, as a terminal emulator does) makes `ssh` send a
/// window-change request (the window-change handling of OpenSSH's own client, end to end).
final class PTYClient: @unchecked Sendable {
    let process = Process()
    private let controller: Int32
    private let condition = NSCondition()
    private var outputText = ""
    private var ended = false

    init(_ executable: String, _ arguments: [String], columns: Int, rows: Int, environment: [String: String] = [:]) throws {
        guard let pty = PTYFunctions.load() else { throw HarnessError("the C library has no posix_openpt") }
        controller = pty.openpt(O_RDWR | O_NOCTTY)
        guard controller >= 0, pty.grantpt(controller) == 0, pty.unlockpt(controller) == 0, let name = pty.ptsname(controller) else {
            throw HarnessError("cannot make a pseudo-terminal")
        }
        let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw HarnessError("cannot open the pseudo-terminal") }
        try Self.setSize(terminal, columns: columns, rows: rows)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SSH_AUTH_SOCK")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        // A child starts with its parent thread's signal mask, and the test runner's threads block
        // most signals: ssh would never see SIGWINCH (it waits in ppoll with the mask it started
        // with). Unblock it for the spawn only, as a shell in a terminal emulator has it.
        var windowChange = sigset_t()
        var previous = sigset_t()
        sigemptyset(&windowChange)
        sigaddset(&windowChange, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &windowChange, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
        // The child holds the terminal side now; keep it open here too so resizing works on it.
        self.terminal = terminal
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = read(controller, &buffer, buffer.count)
                condition.lock()
                if count <= 0 {
                    ended = true
                } else {
                    outputText += String(decoding: buffer[0..<count], as: UTF8.self)
                }
                condition.broadcast()
                condition.unlock()
                if count <= 0 { return }
            }
        }
        thread.start()
    }

    private let terminal: Int32

    private static func setSize(_ fd: Int32, columns: Int, rows: Int) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(fd, UInt(TIOCSWINSZ), &size) == 0 else { throw HarnessError("cannot set the window size") }
    }

    /// Resizes the terminal and tells `ssh`, as a terminal emulator does.
    func resize(columns: Int, rows: Int) throws {
        try Self.setSize(terminal, columns: columns, rows: rows)
        kill(process.processIdentifier, SIGWINCH)
    }

    var output: String {
        condition.lock()
        defer { condition.unlock() }
        return outputText
    }

    /// Waits until the output after `offset` characters contains `text`; the output so far.
    @discardableResult
    func expect(_ text: String, after offset: Int = 0, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let searched = outputText.count > offset ? String(outputText.dropFirst(offset)) : ""
            if searched.contains(text) { return outputText }
            if ended || !condition.wait(until: deadline) {
                throw HarnessError("did not see \(text.debugDescription) within \(timeout)s; output: \(outputText.suffix(1_500).debugDescription)")
            }
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(controller, $0.baseAddress, $0.count) }
    }

    /// Waits for `ssh` to end (killing it after `timeout`); its exit status.
    @discardableResult
    func wait(timeout: TimeInterval = 20) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(terminal)
        close(controller)
    }
}

/// posix_openpt and friends, looked up in the C library: Swift's Glibc module leaves them out
/// (they need _XOPEN_SOURCE).
private struct PTYFunctions {
    let openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func load() -> PTYFunctions? {
        guard let library = dlopen(nil, RTLD_NOW),
              let openpt = dlsym(library, "posix_openpt"), let grantpt = dlsym(library, "grantpt"),
              let unlockpt = dlsym(library, "unlockpt"), let ptsname = dlsym(library, "ptsname") else { return nil }
        return PTYFunctions(openpt: unsafeBitCast(openpt, to: (@convention(c) (Int32) -> Int32).self),
                            grantpt: unsafeBitCast(grantpt, to: (@convention(c) (Int32) -> Int32).self),
                            unlockpt: unsafeBitCast(unlockpt, to: (@convention(c) (Int32) -> Int32).self),
                            ptsname: unsafeBitCast(ptsname, to: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self))
    }
}
