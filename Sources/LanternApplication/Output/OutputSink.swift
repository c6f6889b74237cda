import LanternDiagnostics

/// Where a use case writes what it has to say. A front end gives one: the `lantern` program's
/// writes to standard output and standard error; a test's captures; the SSH server's writes
/// to the session. A use case never prints to the process's standard output.
public protocol OutputSink: Sendable {
    /// The job's report, for the person who asked (standard output for the program).
    func write(_ text: String)
    /// A warning or note about the job (standard error for the program).
    func report(_ diagnostic: Diagnostic)
}

/// An output sink that keeps everything, for tests and for front ends that send it on later.
public final class CapturedOutput: OutputSink {
    private let state = Locked<(text: String, diagnostics: [Diagnostic])>(("", []))

    public init() {}

    public func write(_ text: String) {
        state.withLock { $0.text += text }
    }

    public func report(_ diagnostic: Diagnostic) {
        state.withLock { $0.diagnostics.append(diagnostic) }
    }

    /// Everything written so far.
    public var text: String { state.withLock { $0.text } }
    /// Every diagnostic reported so far.
    public var diagnostics: [Diagnostic] { state.withLock { $0.diagnostics } }
}
