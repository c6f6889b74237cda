import Foundation
#if canImport(Glibc)
import Glibc
#endif
public enum TmpTimer {
    nonisolated(unsafe) static var last: (Int64, Int64) = (0, 0)
    static let on = ProcessInfo.processInfo.environment["LANTERN_TIMINGS"] != nil
    static func now() -> (Int64, Int64) {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_MONOTONIC, &a)
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b)
        return (Int64(a.tv_sec) * 1_000_000_000 + Int64(a.tv_nsec), Int64(b.tv_sec) * 1_000_000_000 + Int64(b.tv_nsec))
    }
    public static func mark(_ label: String) {
        guard on else { return }
        let t = now()
        if last.0 != 0 {
            FileHandle.standardError.write(String(format: "%-14@ wall %6.2f ms  cpu %6.2f ms\n", label as NSString, Double(t.0 - last.0) / 1e6, Double(t.1 - last.1) / 1e6).data(using: .utf8)!)
        }
        last = t
    }
}
