/// One item of an ordering question; items are written in the right order.
public struct OrderItem: Sendable, Hashable {
    public var text: String
    /// Shown when this item is out of place (Markdown).
    public var feedback: String?

    public init(text: String, feedback: String? = nil) {
        self.text = text
        self.feedback = feedback
    }
}
