/// Large values kept until the process ends: tearing down a thousand parsed modules just
/// before exit costs measurable time (frees, page walks) and changes nothing.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` alive until the process exits. Call from the main thread only.
    static func keep(_ value: Any) {
        values.append(value)
    }
}
