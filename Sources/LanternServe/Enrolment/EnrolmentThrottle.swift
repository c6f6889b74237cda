import Foundation
import Synchronization

/// Wrong enrolment codes per client address within a window. Only failures are counted, so a
/// classroom enrolling together behind one router is never locked out by its own successes; an
/// address that reaches the limit may not try again until its oldest counted failure leaves the
/// window. Kept in memory: a restart forgets it, while the per-code count (in the records) stays.
final class EnrolmentThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether `address` may try a code now.
    func mayTry(_ address: String, now: Date = Date()) -> Bool {
        failures.withLock { failures in
            let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[address] = recent.isEmpty ? nil : recent
            return recent.count < limit
        }
    }

    func failed(_ address: String, now: Date = Date()) {
        failures.withLock { failures in
            failures[address, default: []].append(now)
            if failures.count > 100_000 { failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        }
    }
}
