/// Ordering: all-or-nothing, per position, or the longest ordered subsequence.
enum OrderingGrading {
    static func grade(_ question: Question, order: [Int]) -> (Fraction, [String]) {
        let count = question.items.count
        guard count > 0 else { return (.zero, []) }
        let placed = order.filter { (0..<count).contains($0) }
        let misplaced = (0..<count).filter { index in index >= placed.count || placed[index] != index }
        let feedback = misplaced.compactMap { index in index < placed.count ? question.items[placed[index]].feedback : nil }
        let total = Int64(count)
        switch question.orderingCredit {
        case .allOrNothing:
            return (placed == Array(0..<count) ? .one : .zero, feedback)
        case .position:
            return (Fraction(Int64(count - misplaced.count), total), feedback)
        case .sequence:
            let longest = longestIncreasingRun(Array(orderedUnique(placed)))
            return (longest < 2 ? .zero : Fraction(Int64(longest), total), feedback)
        }
    }

    private static func orderedUnique(_ values: [Int]) -> [Int] {
        var seen = Set<Int>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Length of the longest strictly increasing subsequence (patience sorting, O(n log n)).
    static func longestIncreasingRun(_ values: [Int]) -> Int {
        var tails: [Int] = []
        for value in values {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if tails[mid] < value { low = mid + 1 } else { high = mid }
            }
            if low == tails.count { tails.append(value) } else { tails[low] = value }
        }
        return tails.count
    }
}
