import Foundation
import Synchronization

/// The sessions running now, each on its own thread (never an event loop, never Swift's
/// cooperative pool: the learner blocks on its keys). On shutdown every session is told to
/// save and leave, and the server waits for them.
final class SessionRegistry: Sendable {
    private struct State {
        var running: [ObjectIdentifier: SessionChannel] = [:]
        var stopping = false
    }

    private let state = Mutex(State())
    private let finished = NSCondition()
    /// Stack per session thread: the learner's deepest path (Markdown rendering) needs far less.
    static let stackSize = 1 << 21

    /// Starts `runner` on a new thread; false when the server is stopping.
    func launch(_ runner: SessionRunner) -> Bool {
        let key = ObjectIdentifier(runner.session)
        let accepted = state.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.running[key] = runner.session
            return true
        }
        guard accepted else { return false }
        let thread = Thread { [self] in
            runner.run()
            state.withLock { _ = $0.running.removeValue(forKey: key) }
            finished.lock()
            finished.broadcast()
            finished.unlock()
        }
        thread.name = "lantern-session"
        thread.stackSize = Self.stackSize
        thread.start()
        return true
    }

    var count: Int { state.withLock { $0.running.count } }

    /// Refuses new sessions and asks every running one to save and leave.
    func terminateAll() {
        let sessions = state.withLock { state in
            state.stopping = true
            return Array(state.running.values)
        }
        for session in sessions { session.terminate() }
    }

    /// Waits until no session runs or `deadline` passes; true when all ended.
    func waitForAll(until deadline: Date) -> Bool {
        finished.lock()
        defer { finished.unlock() }
        while count > 0 {
            if !finished.wait(until: deadline) { return count == 0 }
        }
        return true
    }
}
