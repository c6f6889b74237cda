import Foundation

/// For crash tests only: when `LANTERN_TEST_PAUSE_FILE` is set, every records write creates that
/// file once its changes are made but before they commit, then sleeps, so a test can kill the
/// process at exactly that moment and prove nothing half-written survives. Read once, here in
/// the front end, and given to the records store (which never reads the environment).
enum CrashTestPause {
    static func fromEnvironment() -> (@Sendable () -> Void)? {
        guard let path = ProcessInfo.processInfo.environment["LANTERN_TEST_PAUSE_FILE"], !path.isEmpty else { return nil }
        return {
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            Thread.sleep(forTimeInterval: 30)
        }
    }
}
