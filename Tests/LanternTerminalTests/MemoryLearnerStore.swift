import LanternDiagnostics
@testable import LanternTerminal

/// Progress kept in memory, for driving the learner without a database.
final class MemoryLearnerStore: LearnerStore {
    var state = LearnerProgress()
    var seconds: [String: Int] = [:]

    func progress() throws(LanternError) -> LearnerProgress { state }

    func moduleOpened(_ moduleID: String) throws(LanternError) { state.opened.insert(moduleID) }

    func moduleRead(_ moduleID: String, seconds: Int, reachedEnd: Bool) throws(LanternError) {
        self.seconds[moduleID, default: 0] += seconds
        if reachedEnd { state.completed.insert(moduleID) }
    }
}
