#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value shared between threads behind a POSIX mutex, with the same `withLock` as
/// `Synchronization.Mutex`.
///
/// Lantern uses this rather than `Mutex` where threads meet (work spread over cores with
/// `DispatchQueue.concurrentPerform`, caches filled from several threads): on Linux, `Mutex`
/// locks through futex calls that ThreadSanitizer cannot see, so every access it guards is
/// reported as a race and a real race next to it would be lost in the noise. ThreadSanitizer
/// knows `pthread_mutex_lock`, so `make sanitize-thread` checks these sections for real.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
