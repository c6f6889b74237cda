/// A question as one attempt shows it: which question, its content hash at the start, and the
/// order its options (matching answers, ordering items) are shown in, as author-order indices.
public struct PresentedQuestion: Sendable, Hashable, Codable {
    public var questionID: String
    public var contentHash: String
    public var displayOrder: [Int]

    public init(questionID: String, contentHash: String, displayOrder: [Int]) {
        self.questionID = questionID
        self.contentHash = contentHash
        self.displayOrder = displayOrder
    }
}
