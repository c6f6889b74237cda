import Foundation
import Synchronization

/// Counts open connections, in all and per client address, so one client (or a flood of
/// connection attempts) cannot take every slot.
final class ConnectionLimits: Sendable {
    private let state = Mutex<(total: Int, perAddress: [String: Int])>((0, [:]))
    let maxTotal: Int
    let maxPerAddress: Int

    init(maxTotal: Int, maxPerAddress: Int) {
        self.maxTotal = maxTotal
        self.maxPerAddress = maxPerAddress
    }

    /// Takes a slot for `address`; false when a limit is reached.
    func open(_ address: String) -> Bool {
        state.withLock { state in
            guard state.total < maxTotal, state.perAddress[address, default: 0] < maxPerAddress else { return false }
            state.total += 1
            state.perAddress[address, default: 0] += 1
            return true
        }
    }

    func close(_ address: String) {
        state.withLock { state in
            state.total -= 1
            let left = state.perAddress[address, default: 1] - 1
            state.perAddress[address] = left > 0 ? left : nil
        }
    }

    var open: Int { state.withLock { $0.total } }
}
