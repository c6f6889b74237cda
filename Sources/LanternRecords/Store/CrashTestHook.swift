import Foundation

/// A hook for crash tests only: when `LANTERN_TEST_PAUSE_FILE` is set, a write creates that
/// file once its changes are made but before they commit, then sleeps, so a test can kill the
/// process at exactly that moment and prove nothing half-written survives.
enum CrashTestHook {
    static func pauseBeforeCommit() {
        guard let path = ProcessInfo.processInfo.environment["LANTERN_TEST_PAUSE_FILE"], !path.isEmpty else { return }
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        Thread.sleep(forTimeInterval: 30)
    }
}
