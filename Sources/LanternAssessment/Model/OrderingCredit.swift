/// How an ordering question gives credit (`partial=` in its heading).
public enum OrderingCredit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Full marks only for the whole order right (the default).
    case allOrNothing = "all-or-nothing"
    /// Items in their right place ÷ items.
    case position
    /// The longest run of items in the right relative order (not necessarily adjacent) ÷ items;
    /// a "run" of one item earns nothing.
    case sequence
}
