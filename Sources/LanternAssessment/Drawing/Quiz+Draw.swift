import LanternDiagnostics

/// Which questions an attempt presents: the quiz's draw rule applied with a seeded generator.
extension Quiz {
    /// The bank indices (into `gradableQuestions`, ascending) that an attempt draws, in this
    /// order of precedence:
    ///
    /// 1. every safety-critical question;
    /// 2. for each outcome the bank tests (in order of first appearance), questions with that
    ///    outcome not yet drawn, at random, until `per_outcome` of them are in the draw;
    /// 3. for each `per_tag` entry (in the order written), the same with that tag;
    /// 4. the rest at random up to `count`.
    ///
    /// Without a rule, or when `count` covers the bank, every question is drawn. Minimums the
    /// bank cannot meet take what there is, and minimums that need more than `count` questions
    /// are still met (an attempt never leaves out a critical question to keep to `count`);
    /// `lantern check` reports both at the rule's line.
    public func drawnIndices(using generator: inout SeededGenerator) -> [Int] {
        let bank = gradableQuestions
        guard let rule = settings.draw, rule.count < bank.count else { return Array(bank.indices) }
        var drawn = Set(bank.indices.filter { bank[$0].isCritical })
        func topUp(minimum: Int, where matches: (Question) -> Bool) {
            let have = drawn.filter { matches(bank[$0]) }.count
            guard have < minimum else { return }
            let candidates = bank.indices.filter { !drawn.contains($0) && matches(bank[$0]) }
            for position in generator.permutation(candidates.count).prefix(minimum - have) { drawn.insert(candidates[position]) }
        }
        if rule.perOutcome > 0 {
            for outcome in bankOutcomes { topUp(minimum: rule.perOutcome) { $0.outcomes.contains(outcome) } }
        }
        for entry in rule.perTag { topUp(minimum: entry.minimum) { $0.tags.contains(entry.tag) } }
        if drawn.count < rule.count {
            let rest = bank.indices.filter { !drawn.contains($0) }
            for position in generator.permutation(rest.count).prefix(rule.count - drawn.count) { drawn.insert(rest[position]) }
        }
        return drawn.sorted()
    }

    /// How many seeded draws `lantern check` tries when the minimums might not fit in `count`.
    static let drawCheckSeeds: UInt64 = 2000

    /// The outcomes the drawable questions test, in order of first appearance.
    public var bankOutcomes: [String] {
        var seen = Set<String>()
        return gradableQuestions.flatMap(\.outcomes).filter { seen.insert($0).inserted }
    }

    /// What is wrong with the quiz's draw rule for its bank: each problem with the part of the
    /// rule it concerns (nil when the rule can always be met).
    public func drawRuleProblems() -> [DrawRuleProblem] {
        guard let rule = settings.draw else { return [] }
        let bank = gradableQuestions
        var problems: [DrawRuleProblem] = []
        if rule.count > bank.count {
            problems.append(.init(part: .count, message: "'draw: \(rule.count)' is more than the \(bank.count) question\(bank.count == 1 ? "" : "s") in the quiz",
                                  hint: "draw at most \(bank.count), or add questions", code: "draw-too-large"))
            return problems
        }
        let critical = bank.filter(\.isCritical)
        if critical.count > rule.count {
            problems.append(.init(part: .count, message: "the quiz has \(critical.count) safety-critical questions, more than the \(rule.count) drawn per attempt; every critical question is always drawn",
                                  hint: "draw at least \(critical.count), or mark fewer questions critical", code: "draw-too-small"))
        }
        // The most questions the minimums can need: each minimum's shortfall after the critical
        // questions, added up (the draws for different minimums may not overlap).
        var worstCase = critical.count
        if rule.perOutcome > 0 {
            for outcome in bankOutcomes {
                let having = bank.filter { $0.outcomes.contains(outcome) }
                if having.count < rule.perOutcome {
                    problems.append(.init(part: .perOutcome, message: "'per_outcome: \(rule.perOutcome)' cannot be met: only \(having.count) question\(having.count == 1 ? "" : "s") test\(having.count == 1 ? "s" : "") outcome '\(outcome)'",
                                          hint: "add questions for '\(outcome)', or lower 'per_outcome'", code: "draw-unsatisfiable"))
                }
                worstCase += max(0, rule.perOutcome - critical.filter { $0.outcomes.contains(outcome) }.count)
            }
        }
        for entry in rule.perTag {
            let having = bank.filter { $0.tags.contains(entry.tag) }
            if having.isEmpty {
                problems.append(.init(part: .tag(entry.tag), message: "no question has the tag '\(entry.tag)'",
                                      hint: Suggestions.didYouMean(entry.tag, in: Array(Set(bank.flatMap(\.tags))).sorted())
                                        ?? "tag questions in their heading: {#id tags=\(entry.tag)}", code: "draw-unsatisfiable"))
            } else if having.count < entry.minimum {
                problems.append(.init(part: .tag(entry.tag), message: "'\(entry.tag): \(entry.minimum)' cannot be met: only \(having.count) question\(having.count == 1 ? " has" : "s have") that tag",
                                      hint: "tag more questions '\(entry.tag)', or lower the minimum", code: "draw-unsatisfiable"))
            }
            worstCase += max(0, entry.minimum - critical.filter { $0.tags.contains(entry.tag) }.count)
        }
        if problems.isEmpty, worstCase > rule.count {
            // The shortfalls may overlap (one question can meet several minimums), so the sum
            // overstates the need: draw with many seeds and report the largest draw seen.
            var largest = 0
            for seed in UInt64(0)..<Self.drawCheckSeeds {
                var generator = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15)
                largest = max(largest, drawnIndices(using: &generator).count)
                if largest > rule.count { break }
            }
            if largest > rule.count {
                problems.append(.init(part: .count, message: "the critical questions and the minimums can need \(largest) questions, more than the \(rule.count) drawn per attempt",
                                      hint: "raise 'count' to \(worstCase) (the most they can need), or lower the minimums", code: "draw-unsatisfiable"))
            }
        }
        return problems
    }
}

/// One reason a draw rule cannot be met by its quiz's bank.
public struct DrawRuleProblem: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case count, perOutcome, tag(String)
    }
    public var part: Part
    public var message: String
    public var hint: String?
    public var code: String
}
