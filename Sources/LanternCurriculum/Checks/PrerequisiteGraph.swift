import LanternDiagnostics

/// Finds cycles in modules' `requires` lists ("a requires b requires a").
enum PrerequisiteGraph {
    /// Reports each cycle once, at the `requires` entry that closes it in the first module
    /// (alphabetically) on the cycle.
    static func reportCycles(_ modules: [ParsedModule], engine: DiagnosticsEngine) {
        // Only the requirements: looking a whole module up would copy it at every step.
        let byID = Dictionary(modules.map { ($0.fileID, $0.requires) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:] // 1 = on the current path, 2 = done
        var reported: Set<[String]> = []

        for start in byID.keys.sorted() where state[start] == nil {
            // Iterative depth-first search: (module, index of the next requirement to visit).
            var stack: [(id: String, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let requires = byID[top.id] ?? []
                guard top.next < requires.count else {
                    state[top.id] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let target = requires[top.next].0
                guard byID[target] != nil, target != top.id else { continue }
                switch state[target] {
                case nil:
                    state[target] = 1
                    stack.append((target, 0))
                case 1:
                    let path = stack.map(\.id)
                    guard let from = path.firstIndex(of: target) else { continue }
                    let cycle = Array(path[from...])
                    let canonical = rotatedToSmallest(cycle)
                    guard reported.insert(canonical).inserted else { continue }
                    let first = canonical[0]
                    let next = canonical.count > 1 ? canonical[1] : first
                    let location = byID[first]?.first { $0.0 == next }?.1
                    let names = (canonical + [first]).joined(separator: " → ")
                    engine.error("prerequisite-cycle", "prerequisite cycle: \(names)", at: location,
                                 hint: "a module cannot require, directly or through others, a module that requires it; remove one 'requires' entry")
                default:
                    continue
                }
            }
        }
    }

    private static func rotatedToSmallest(_ cycle: [String]) -> [String] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }
}
